/// Record counts of the graph.
public struct StatsCounts: Sendable, Hashable {
    /// Actors and instruments.
    public var entities: Int
    /// Entities of the actor family.
    public var actors: Int
    /// Entities of the instrument family.
    public var instruments: Int
    /// Events.
    public var events: Int
    /// Relations.
    public var relations: Int
    /// Disputes.
    public var disputes: Int
    /// Figures.
    public var figures: Int
    /// Citations of every record and claim.
    public var citations: Int
    /// Source documents.
    public var documents: Int

    /// Creates counts.
    public init(
        entities: Int,
        actors: Int,
        instruments: Int,
        events: Int,
        relations: Int,
        disputes: Int,
        figures: Int,
        citations: Int,
        documents: Int
    ) {
        self.entities = entities
        self.actors = actors
        self.instruments = instruments
        self.events = events
        self.relations = relations
        self.disputes = disputes
        self.figures = figures
        self.citations = citations
        self.documents = documents
    }
}

/// What the graph holds (`chrono.v1.Stats/Get`).
public struct Stats: GraphResult, Hashable {
    public var revision: Int64
    /// The database's `PRAGMA user_version`.
    public var schemaVersion: Int
    /// Counts by record kind.
    public var counts: StatsCounts
    /// Entities by kind.
    public var byKind: [String: Int]
    /// Citations by document.
    public var byDocument: [String: Int]

    /// Creates stats.
    public init(
        revision: Int64,
        schemaVersion: Int,
        counts: StatsCounts,
        byKind: [String: Int],
        byDocument: [String: Int]
    ) {
        self.revision = revision
        self.schemaVersion = schemaVersion
        self.counts = counts
        self.byKind = byKind
        self.byDocument = byDocument
    }
}
