internal import ChronoGraph

/// Checks and writes records one at a time as they are read, inside the caller's transaction.
///
/// A record whose references are all stored already (or documents met earlier) is checked and inserted
/// at once: ids and references are looked up in the database, so memory does not grow with the graph.
/// A record that refers to something not stored yet (a forward reference, or an unknown id) is set
/// aside; `finish()` checks those with `GraphValidator` against everything stored and inserts them in
/// dependency order. For files in the usual order (documents, entities, events, relations) almost
/// nothing is set aside, and records are inserted in the same order as a whole-batch load.
struct StreamingImport {
    let validator: GraphValidator
    let writer: RecordWriter
    private let stored: StoredGraphContent
    private var documents: [String: Int] = [:]
    private var deferred: [LocatedRecord] = []
    private var deferredKeys: Set<RecordKey> = []
    /// Records accepted so far (inserted or set aside).
    private(set) var records = 0

    init(validator: GraphValidator, writer: RecordWriter) {
        self.validator = validator
        self.writer = writer
        self.stored = StoredGraphContent(connection: writer.connection)
    }

    /// Thrown by the lookups when a reference is to something not stored yet.
    private struct NotYetStored: Error {}

    /// Checks `located` and inserts it, or sets it aside until `finish()`.
    ///
    /// - Throws: `GraphLoadError` naming the record's file and line (a duplicate id, a vocabulary or
    ///   citation problem), or a SQLite error.
    mutating func add(_ located: LocatedRecord) throws {
        let record = located.record
        let key = RecordKey(kind: record.kind, id: record.id)
        let isStored = try self.stored.contains(kind: record.kind, id: record.id)
        if isStored || self.deferredKeys.contains(key) {
            throw self.validator.error(located, "id: duplicate \(record.kind) id \"\(record.id)\"")
        }
        self.records += 1
        let problem: String?
        do {
            problem = try self.validator.problem(
                record,
                known: { kind, id in
                    guard try self.stored.contains(kind: kind, id: id) else { throw NotYetStored() }
                    return true
                },
                lines: { id in
                    guard let lines = self.documents[id] else { throw NotYetStored() }
                    return lines
                }
            )
        } catch is NotYetStored {
            self.deferred.append(located)
            self.deferredKeys.insert(key)
            return
        }
        if let problem { throw self.validator.error(located, problem) }
        try self.writer.insert(record)
        if case .document(let document) = record { self.documents[document.id] = document.lines }
    }

    /// Checks the records set aside against everything stored and inserts them.
    ///
    /// - Throws: `GraphLoadError` naming the first invalid one (an unknown id, for instance).
    mutating func finish() throws {
        guard !self.deferred.isEmpty else { return }
        try self.validator.validate(self.deferred, against: self.stored)
        for located in RecordWriter.dependencyOrder(self.deferred) { try self.writer.insert(located.record) }
        self.deferred = []
        self.deferredKeys = []
    }
}
