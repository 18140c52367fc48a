internal import ChronoProtocol
internal import Foundation

/// How to settle records that both a changed `Graph/` and live writes changed since the database last took the
/// folder in.
public enum GraphConflictResolution: String, Sendable, CaseIterable {
    /// Take the folder's version of each such record (the live write is replaced, and kept in the history).
    case graph
    /// Keep the live version of each such record.
    case database
}

/// What `LiveGraph.takeGraphChanges` did.
public struct GraphSourceUpdate: Sendable, Equatable {
    /// Whether the folder differed from the one the database last took in.
    public var folderChanged: Bool
    /// The commit holding the records that differ, nil when none did.
    public var report: WriteReport?
    /// Records live writes changed and the folder did not: left as the live writes made them.
    public var keptLiveWrites: [RecordKey]
    /// Records both changed, settled by the resolution given.
    public var settled: [RecordKey]
}

/// Why a changed `Graph/` was not taken in; nothing was changed.
public enum GraphSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder and live writes since `revision` changed these records differently (or, when the history
    /// since then was compacted, these records differ and the live writes among them cannot be told apart).
    case conflict(records: [RecordKey], since: Int64, historyCompacted: Bool)
    /// The folder's vocabulary drops terms the database has (records may use them).
    case vocabularyNarrowed(terms: [String])

    public var description: String {
        switch self {
        case .conflict(let records, let since, let compacted):
            let shown = records.prefix(10).map { "\($0.kind) \"\($0.id)\"" }.joined(separator: ", ")
            let more = records.count > 10 ? " and \(records.count - 10) more" : ""
            let why =
                compacted
                ? "live writes may have changed them since revision \(since), whose history was compacted"
                : "live writes since revision \(since) changed them too, differently"
            return
                "the graph folder changed records that \(why): \(shown)\(more). Nothing was applied. Restart with "
                + "--resolve-graph-conflicts graph to take the folder's version of these records, or "
                + "--resolve-graph-conflicts database to keep the live writes (the folder's other changes apply "
                + "either way)"
        case .vocabularyNarrowed(let terms):
            return
                "the graph folder's vocabulary.json drops terms the database has (\(terms.joined(separator: ", "))). "
                + "Nothing was applied. Move the database away and restart to build it anew from the folder"
        }
    }
}

extension LiveGraph {
    /// Brings the live graph up to date with the `Graph/` folder `loader` reads, when its content differs from
    /// the folder the database last took in: exactly the records that differ are committed as one new revision
    /// (so history, `as_of`, snapshots and subscribers see the correction like any write), new vocabulary terms
    /// are added, and the folder is recorded as taken in.
    ///
    /// Records changed by live writes since the folder was last taken in keep their live version unless the
    /// folder changed them as well; those are a conflict, settled by `resolution` or, when it is nil, reported
    /// by throwing `GraphSourceError.conflict` with nothing changed. The folder is validated in full (built into
    /// a scratch database) before anything is compared.
    public func takeGraphChanges(
        from loader: GraphLoader,
        resolving resolution: GraphConflictResolution? = nil
    ) async throws -> GraphSourceUpdate {
        let hash = try loader.contentHash()
        let recorded = try await self.store.read(deadline: nil) { connection, _ in try GraphSource.load(connection) }
        if recorded?.hash == hash {
            return GraphSourceUpdate(folderChanged: false, report: nil, keptLiveWrites: [], settled: [])
        }
        let path = try self.scratchPath("graph", suffix: "sqlite")
        try await loader.build(database: path)
        defer { SnapshotDatabase.remove(path) }
        let folder = try GraphFolderContent(path: path)
        // A database built before sources were recorded took the folder in at revision 1, its build.
        let base = recorded?.revision ?? 1
        let plan = try await self.store.read(deadline: nil) { connection, _ in
            try GraphChangePlan(connection, folder: folder, base: base, resolution: resolution)
        }
        guard !plan.changes.isEmpty else {
            try await self.store.writer.run(deadline: nil) { connection, _ in
                try connection.transaction { connection in
                    try plan.addTerms(connection)
                    try GraphSource(hash: hash, revision: try GraphStore.revision(connection)).record(connection)
                }
            }
            return GraphSourceUpdate(folderChanged: true, report: nil, keptLiveWrites: plan.kept, settled: plan.settled)
        }
        let report = try await self.commit(source: "graph folder") { connection in
            // Planned again inside the write transaction, on exactly the graph it changes.
            let plan = try GraphChangePlan(connection, folder: folder, base: base, resolution: resolution)
            try plan.addTerms(connection)
            try GraphSource(hash: hash, revision: try GraphStore.revision(connection) + 1).record(connection)
            let upserts = plan.changes.compactMap { folder.records[$0] }
            let retractions = plan.changes.filter { folder.records[$0] == nil }.map(\.id)
            return (try SnapshotDatabase.parse(upserts, label: "graph folder"), retractions)
        }
        return GraphSourceUpdate(folderChanged: true, report: report, keptLiveWrites: plan.kept, settled: plan.settled)
    }
}

/// A `Graph/` folder as built into a scratch database: its canonical records and vocabulary.
private struct GraphFolderContent: Sendable {
    var records: [RecordKey: CanonicalRecord]
    var vocabulary: [VocabularyTerm]

    init(path: String) throws {
        let connection = try Connection(path: path, readOnly: true)
        let records = try RecordExporter(connection: connection).all()
        self.records = Dictionary(records.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.vocabulary = try VocabularyTerm.all(connection)
    }
}

/// One vocabulary row.
private struct VocabularyTerm: Sendable, Hashable {
    var section: String
    var term: String
    var meaning: String

    static func all(_ connection: Connection) throws -> [VocabularyTerm] {
        try connection.cached("SELECT section, term, meaning FROM vocabulary ORDER BY section, term").map([]) {
            VocabularyTerm(section: $0.text(0), term: $0.text(1), meaning: $0.text(2))
        }
    }
}

/// Which records to take from the folder, decided against the live graph and the change log.
///
/// For each record whose folder version differs from its live version: if no live write changed it since
/// `base`, the folder's version is taken; if live writes changed it and the folder's version is the one they
/// started from, the live version is kept (the folder did not change it); otherwise both changed it, and the
/// resolution decides.
private struct GraphChangePlan: Sendable {
    /// Records to write (folder version) or retract (absent from the folder), in key order.
    var changes: [RecordKey] = []
    var kept: [RecordKey] = []
    var settled: [RecordKey] = []
    var newTerms: [VocabularyTerm] = []

    init(
        _ connection: Connection,
        folder: GraphFolderContent,
        base: Int64,
        resolution: GraphConflictResolution?
    )
        throws
    {
        let live = Dictionary(
            try RecordExporter(connection: connection).all().map { ($0.key, $0.line) },
            uniquingKeysWith: { first, _ in first }
        )
        let compacted = try ChangeLog.compacted(connection) > base
        // The version each live-written record had at `base`: the before-image of its oldest change since
        // (entries come newest first). nil inside: the record did not exist at `base`.
        var atBase: [RecordKey: String?] = [:]
        for entry in try ChangeLog.entries(after: base, connection) {
            atBase[RecordKey(kind: entry.kind, id: entry.id)] = .some(entry.before)
        }
        var conflicts: [RecordKey] = []
        for key in Set(live.keys).union(folder.records.keys).sorted() {
            let wanted = folder.records[key]?.line
            guard wanted != live[key] else { continue }
            if let before = atBase[key], !compacted {
                if wanted == before { self.kept.append(key) } else { conflicts.append(key) }
            } else if compacted {
                conflicts.append(key)
            } else {
                self.changes.append(key)
            }
        }
        if !conflicts.isEmpty {
            switch resolution {
            case nil: throw GraphSourceError.conflict(records: conflicts, since: base, historyCompacted: compacted)
            case .graph:
                self.changes = (self.changes + conflicts).sorted()
                self.settled = conflicts
            case .database:
                self.kept = (self.kept + conflicts).sorted()
                self.settled = conflicts
            }
        }
        let current = try VocabularyTerm.all(connection)
        let wanted = Set(folder.vocabulary)
        let dropped = current.filter { term in
            !wanted.contains { $0.section == term.section && $0.term == term.term }
        }
        guard dropped.isEmpty else {
            throw GraphSourceError.vocabularyNarrowed(terms: dropped.map { "\($0.section).\($0.term)" })
        }
        self.newTerms = folder.vocabulary.filter { !current.contains($0) }
    }

    /// Adds the folder's new vocabulary terms (and new meanings of existing ones).
    func addTerms(_ connection: Connection) throws {
        for term in self.newTerms {
            try connection.cached("INSERT OR REPLACE INTO vocabulary(section, term, meaning) VALUES (?, ?, ?)")
                .run([.text(term.section), .text(term.term), .text(term.meaning)])
        }
    }
}
