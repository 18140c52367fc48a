internal import ChronoGraph
internal import ChronoStore
internal import PostgresNIO

/// The validator's view of the stored graph for one write (`GraphContent`), read set-wise before validating:
/// two statements for every id the batch's validation may ask about (as any kind), then answered from memory.
///
/// Which ids those are is learnt from `GraphValidator` itself, by a first pass against a permissive content
/// that answers every reference as present (documents as long enough) and records the id asked about: it
/// reaches at least every reference the real pass reaches, since no answer of its stops a record's checks
/// earlier, and each id is then read as every kind. The
/// records the write deletes (`removed`) are answered as absent, as `FactsWriter` deletes them first.
struct PrefetchedContent: GraphContent {
    private var stored: Set<RecordKey> = []
    private var lines: [String: Int] = [:]

    init(for batch: [LocatedRecord], validator: GraphValidator, removed: Set<RecordKey>, _ rows: PostgresRows) throws {
        let questions = QuestionRecorder(batch: Set(batch.map { RecordKey(kind: $0.record.kind, id: $0.record.id) }))
        // A problem the permissive pass meets is met again, and reported, by the real pass.
        try? validator.validate(batch, against: questions)
        let ids = Array(Set(questions.asked.filter { $0.kind != .document }.map(\.id)))
        if !ids.isEmpty {
            // Every kind of each id: the validator asks `entity || event || figure` of a subject, stopping at the
            // first yes, so the permissive pass learns only the first kind asked.
            let union = RecordKind.storageOrder.map { kind in
                "SELECT '\(kind.rawValue)', id FROM \(kind.table) WHERE id = ANY($1)"
            }.joined(separator: " UNION ALL ")
            for row in try rows.rows(union, [.texts(ids)]) {
                let (kind, id) = try row.decode((String, String).self)
                let key = RecordKey(kind: try RecordKind(stored: kind), id: id)
                if !removed.contains(key) { self.stored.insert(key) }
            }
        }
        let documents = questions.asked.filter { $0.kind == .document }.map(\.id)
        if !documents.isEmpty {
            for row in try rows.rows("SELECT id, lines FROM documents WHERE id = ANY($1)", [.texts(documents)]) {
                let (id, count) = try row.decode((String, Int).self)
                guard !removed.contains(RecordKey(kind: .document, id: id)) else { continue }
                self.stored.insert(RecordKey(kind: .document, id: id))
                self.lines[id] = count
            }
        }
    }

    func contains(kind: RecordKind, id: String) -> Bool {
        self.stored.contains(RecordKey(kind: kind, id: id))
    }

    func documentLines(_ id: String) -> Int? {
        self.lines[id]
    }
}

/// Answers every reference as present and records each question (see `PrefetchedContent`); the batch's own
/// records are answered as absent, so the duplicate check passes as it will once their stored versions are
/// deleted.
private final class QuestionRecorder: GraphContent {
    let batch: Set<RecordKey>
    private(set) var asked: Set<RecordKey> = []

    init(batch: Set<RecordKey>) {
        self.batch = batch
    }

    func contains(kind: RecordKind, id: String) -> Bool {
        let key = RecordKey(kind: kind, id: id)
        guard !self.batch.contains(key) else { return false }
        self.asked.insert(key)
        return true
    }

    func documentLines(_ id: String) -> Int? {
        self.asked.insert(RecordKey(kind: .document, id: id))
        return Int.max
    }
}
