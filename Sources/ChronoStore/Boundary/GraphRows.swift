package import ChronoGraph
internal import ChronoProtocol

/// The primitive reads of one read snapshot, as a backend provides them. The rules that are subtle to get
/// right are written once above them, in `GraphReader`: traversal budgets and truncation, the order of paths,
/// name resolution, the tiers of the ranked search, the timeline's groups and cursors.
///
/// Invariants every implementation keeps: all calls of one reader see one snapshot (one read transaction);
/// they are synchronous, on the thread that owns the backend's connection; ids that do not exist are skipped,
/// never an error; lists come back in the order each requirement states, so two backends give equal answers.
package protocol GraphRows {
    /// The revision of this snapshot.
    func revision() throws -> Int64
    /// The terms of one section of the stored vocabulary.
    func terms(in section: GraphError.VocabularySection) throws -> Set<String>
    /// Counts of the whole graph.
    func counts() throws -> GraphCounts

    // MARK: Records

    /// The reference of entity `id`, or `nil`.
    func ref(_ id: String) throws -> EntityRef?
    /// References of the entities with `ids` that exist, by id.
    func refs(_ ids: [String]) throws -> [String: EntityRef]
    /// Full entities with `ids`, in the order of `ids`.
    func entities(_ ids: [String]) throws -> [Entity]
    /// The summaries of the entities with `ids`, by id.
    func summaries(ofEntities ids: [String]) throws -> [String: String]
    /// Events with the given storage keys, in the order given, with participants and citations.
    func events(keys: [Int64]) throws -> [Event]
    /// The storage keys of the events with `ids`, by id.
    func eventKeys(ids: [String]) throws -> [String: Int64]
    /// Edges with the given relation ids, in the order given, with citations.
    func edges(_ ids: [String]) throws -> [Edge]
    /// The edges with the given relation ids in their wire form (`EncodedEdge`), in the order given.
    func encodedEdges(_ ids: [String]) throws -> [EncodedEdge]
    /// Figures with the given ids, in the order given.
    func figures(_ ids: [String]) throws -> [Figure]
    /// Disputes with the given ids, in the order given.
    func disputes(_ ids: [String]) throws -> [Dispute]
    /// Citations of the records of `kind` with `owners`, by owner, in stored order.
    func citations(kind: String, owners: [String]) throws -> [String: [Citation]]

    // MARK: Links

    /// The relations (and, with `filter.throughEvents`, shared events) at each of `ids` that pass `filter`:
    /// at most `cap` rows, `capped` when more matched, in any order (`GraphReader.adjacency` sorts them).
    /// With `page`, only those after `page.after` in (other, edge) order, and of each node's relations out,
    /// relations in and shared events at least the first `page.size + 1` of each (or all), the rest unread.
    func adjacency(_ ids: [String], filter: EdgeFilter, cap: Int, page: AdjacencyPage?) throws -> Adjacency
    /// The ids of the relations from or to `entity`, sorted.
    func relationIDs(touching entity: String) throws -> [String]
    /// The ids of the relations with both ends among `entities`, sorted.
    func relationIDs(among entities: [String]) throws -> [String]
    /// The keys of the events `entity` took part in, in timeline order.
    func eventKeys(withParticipant entity: String) throws -> [Int64]

    // MARK: Listings

    /// The ids of the disputes about `subject` (all when `nil`), sorted.
    func disputeIDs(subject: String?) throws -> [String]
    /// The ids of the figures about `subject` (all when `nil`) dated within reach of `window` (any when
    /// `nil`), sorted.
    func figureIDs(subject: String?, window: DayWindow?) throws -> [String]
    /// Whether `id` is the id of an event or a figure.
    func isEventOrFigure(_ id: String) throws -> Bool

    // MARK: Names

    /// The entities with a name (`isName`) or alias equal to `normalized` (`NameNormalizer`), sorted by id.
    func entities(named normalized: String) throws -> [(entity: String, isName: Bool)]
    /// Calls `body` with every entity's normalized names and aliases.
    func forEachName(_ body: (_ entity: String, _ normalized: String) throws -> Void) throws

    // MARK: Timeline

    /// Up to `request.limit + 1` keys of the events `request` selects, in timeline order after its cursor.
    func timelineKeys(_ request: TimelineKeyRequest) throws -> [TimelineKey]

    // MARK: Text

    /// Whether any record holds `word` (or, with `asPrefix`, a word starting with it).
    func textIndexHolds(_ word: String, asPrefix: Bool) throws -> Bool
    /// Records of `kinds` (all when `nil`) holding any of `terms` (only in names and aliases with
    /// `namesOnly`), best first by words held and then relevance, at most `cap` once more match than can be
    /// ranked all (`TextMatch.relevance` says how each backend ranks).
    func textMatches(_ terms: [SearchTerm], kinds: [String]?, namesOnly: Bool, cap: Int) throws -> [TextMatch]
    /// Snippets of the index rows `rows` for the search `terms`, matched words between `**`, by row.
    func snippets(_ rows: [Int64], terms: [SearchTerm]) throws -> [Int64: String]
    /// The ids of the records of `kind` among `ids` whose fuzzy dates meet `window` (none for a kind without
    /// dates, `RecordKind.hasFuzzyDates`).
    func dated(_ kind: RecordKind, ids: [String], meeting window: DayWindow) throws -> Set<String>
    /// The records citing document `doc`, as (owner kind, owner id) pairs; a claim's owner is `dispute#n`.
    func citingRecords(_ doc: String) throws -> [(kind: String, owner: String)]
}

/// A span of days as day ordinals (days since 1970-01-01), both ends included; open ends are
/// `Schema.openLower` and `Schema.openUpper`.
package struct DayWindow: Hashable, Sendable {
    package var lower: Int64
    package var upper: Int64

    package init(lower: Int64, upper: Int64) {
        self.lower = lower
        self.upper = upper
    }
}

/// What `GraphRows.counts()` reads: the figures of `Stats` other than the revision.
package struct GraphCounts {
    package var counts: StatsCounts
    package var byKind: [String: Int]
    package var byDocument: [String: Int]
    /// The backend's schema version.
    package var schemaVersion: Int

    package init(counts: StatsCounts, byKind: [String: Int], byDocument: [String: Int], schemaVersion: Int) {
        self.counts = counts
        self.byKind = byKind
        self.byDocument = byDocument
        self.schemaVersion = schemaVersion
    }
}

/// The events one timeline read selects.
package struct TimelineKeyRequest {
    /// `overlaps` or `within` (`certain_first` reads both, one after the other).
    package var mode: TimelineMode
    package var window: DayWindow
    /// Event types (any when empty).
    package var types: [String]
    /// The events a text matched best, when the query has a text.
    package var textMatches: [String]?
    /// Sets of entity ids; an event is kept when, for every set, one of its participants is in it.
    package var participantSets: [[String]]
    /// Keeps only events not certainly inside the window (the second group of `certain_first`).
    package var excludingWithin: Bool
    /// Events after this place in the timeline.
    package var after: TimelineCursor
    /// The page size; one more key is read to tell whether more follow.
    package var limit: Int

    /// Whether a filter, not the window, selects the candidates (participants or the text's matches).
    package var filterDriven: Bool { !self.participantSets.isEmpty || self.textMatches != nil }
}
