internal import ChronoGraph
internal import ChronoProtocol

/// Applies one batch of upserts and retractions on the writer connection, inside its transaction.
///
/// The batch is validated by `GraphValidator`, the loader's own checks, against the graph as it will be
/// once the replaced and retracted records are gone; retracted records must not be referred to by what
/// remains. Every changed record is logged at `revision` with its canonical line from before the change.
struct FactsWriter {
    let connection: Connection
    /// The revision this batch commits as.
    let revision: Int64

    /// What the batch changed.
    struct Outcome: Sendable, Hashable {
        /// Records inserted, updated and deleted (unchanged upserts are not counted).
        var inserted = 0, updated = 0, deleted = 0
    }

    /// Applies the batch; throws `GraphLoadError` for an invalid upsert, `GraphError.refusedRetraction` for a
    /// bad retraction.
    func apply(upserts: [LocatedRecord], retractions: [String]) throws -> Outcome {
        try self.connection.execute("PRAGMA defer_foreign_keys = ON")
        let exporter = RecordExporter(connection: self.connection)
        let eraser = RecordEraser(connection: self.connection)
        let upserted = Set(upserts.map(\.record.id))
        var retracted: [RecordKey: (index: Int, before: String?)] = [:]
        for (index, id) in retractions.enumerated() {
            let kind = try WriteBatch.retractedKind(
                index: index,
                id: id,
                kinds: try eraser.kinds(of: id),
                upserted: upserted
            )
            retracted[RecordKey(kind: kind, id: id)] = (index, try exporter.line(kind: kind, id: id))
        }
        var before: [RecordKey: String] = [:]
        for located in upserts {
            let key = RecordKey(kind: located.record.kind, id: located.record.id)
            before[key] = try exporter.line(kind: key.kind, id: key.id)
            if before[key] != nil { try eraser.delete(kind: key.kind, id: key.id) }
        }
        for key in retracted.keys { try eraser.delete(kind: key.kind, id: key.id) }
        try GraphValidator(vocabulary: try GraphStore.vocabulary(self.connection))
            .validate(upserts, against: StoredGraphContent(connection: self.connection))
        let writer = RecordWriter(connection: self.connection, revision: self.revision)
        for located in RecordWriter.dependencyOrder(upserts) { try writer.insert(located.record, logging: false) }
        try self.checkReferences(retracted: retracted.mapValues(\.index), upserts: upserts, eraser: eraser)
        return try self.log(upserts: upserts, before: before, retracted: retracted, exporter: exporter)
    }

    private func checkReferences(retracted: [RecordKey: Int], upserts: [LocatedRecord], eraser: RecordEraser) throws {
        for (key, index) in retracted.sorted(by: { $0.value < $1.value }) {
            if let referrer = try eraser.danglingReference(to: key.id) {
                throw GraphError.refusedRetraction(
                    index: index,
                    reason: .stillReferenced(kind: key.kind, id: key.id, by: referrer)
                )
            }
        }
        for located in upserts {
            guard case .document(let document) = located.record,
                let owner = try self.citationBeyond(document: document.id, lines: document.lines)
            else { continue }
            throw GraphLoadError(
                located.origin,
                message: "lines: \(owner) cites a line past \(document.lines) in \(document.id)"
            )
        }
    }

    /// A citation that points past the last line of document `id`, now that it has `lines` lines: the first by
    /// owner kind and owner.
    private func citationBeyond(document id: String, lines: Int) throws -> String? {
        try self.connection.cached(
            """
            SELECT owner_kind || ' "' || owner || '"' FROM citations WHERE doc = ? AND last > ?
            ORDER BY owner_kind, owner LIMIT 1
            """
        ).first([.text(id), .int(lines)]) { $0.text(0) }
    }

    private func log(
        upserts: [LocatedRecord],
        before: [RecordKey: String],
        retracted: [RecordKey: (index: Int, before: String?)],
        exporter: RecordExporter<SQLiteRecordRows>
    ) throws -> Outcome {
        var outcome = Outcome()
        for located in upserts {
            let key = RecordKey(kind: located.record.kind, id: located.record.id)
            let after = try exporter.line(kind: key.kind, id: key.id)
            switch before[key] {
            case .some(let old) where old == after:
                try ChangeLog.forget(self.connection, revision: self.revision, kind: key.kind, id: key.id)
            case .some(let old):
                try ChangeLog.record(
                    self.connection,
                    revision: self.revision,
                    kind: key.kind,
                    id: key.id,
                    op: .update,
                    before: old
                )
                outcome.updated += 1
            case .none:
                try ChangeLog.record(
                    self.connection,
                    revision: self.revision,
                    kind: key.kind,
                    id: key.id,
                    op: .insert,
                    before: nil
                )
                outcome.inserted += 1
            }
        }
        for (key, entry) in retracted {
            try ChangeLog.record(
                self.connection,
                revision: self.revision,
                kind: key.kind,
                id: key.id,
                op: .delete,
                before: entry.before
            )
            outcome.deleted += 1
        }
        try self.connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(self.revision)])
        return outcome
    }
}
