package import ChronoGraph
package import ChronoProtocol

/// The rules of a client's write that do not depend on the backend: reading the upserts, which kind each
/// retraction names, and how a refused upsert is reported. Every `GraphService` applies them the same way, so
/// the same bad input gives the same `GraphError` on every backend.
package enum WriteBatch {
    /// The upserts as located records (`RecordOrigin.upsert`), in order.
    ///
    /// - Throws: `GraphError.emptyWrite` for a write with nothing in it; `GraphError.unreadableUpsert` for the
    ///   first upsert that is not a record.
    package static func parse(upserts: [JSONValue], retractions: [String]) throws -> [LocatedRecord] {
        guard !upserts.isEmpty || !retractions.isEmpty else {
            throw GraphError.emptyWrite
        }
        let parser = GraphRecordParser()
        var located: [LocatedRecord] = []
        for (index, value) in upserts.enumerated() {
            do {
                located.append(LocatedRecord(record: try parser.parse(value), origin: .upsert(index: index)))
            } catch {
                throw GraphError.unreadableUpsert(index: index, field: error)
            }
        }
        return located
    }

    /// The kind of the record retraction `index` names, given the `kinds` of the stored records with its `id`
    /// and the ids the same batch upserts; checked in this order: also upserted, unknown, several kinds.
    package static func retractedKind(
        index: Int,
        id: String,
        kinds: [RecordKind],
        upserted: Set<String>
    ) throws -> RecordKind {
        guard !upserted.contains(id) else {
            throw GraphError.refusedRetraction(index: index, reason: .alsoUpserted(id: id))
        }
        guard let kind = kinds.first else {
            throw GraphError.refusedRetraction(index: index, reason: .unknownRecord(id: id))
        }
        guard kinds.count == 1 else {
            throw GraphError.refusedRetraction(index: index, reason: .severalKinds(id: id, kinds: kinds))
        }
        return kind
    }

    /// The error a client sees for a refused upsert: `GraphError.refusedUpsert` naming its index, or the load
    /// error's own status for a record that did not come from the write.
    package static func refusal(_ error: GraphLoadError) -> any Error {
        guard case .upsert(let index) = error.origin else { return error.status }
        return GraphError.refusedUpsert(index: index, reason: error.message)
    }
}
