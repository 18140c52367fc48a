import ChronoProtocol
import ChronoStore

/// `chrono.v1.Facts/Write` and `chrono.v1.Facts/Compact`: the methods that change the graph or its history.
/// Both need the write right (`WriteAuthorization`).
enum FactsMethods {
    static func descriptors(live: any GraphService, authorization: WriteAuthorization) -> [MethodDescriptor] {
        [
            MethodDescriptor(.factsWrite, schema: "facts_write") { context in
                try authorization.check(context)
                var params = try context.params(expecting: ["retractions", "upserts"])
                let upserts = try params.optionalArray("upserts")
                let retractions = try params.strings("retractions")
                let report = try await live.write(upserts: upserts, retractions: retractions)
                return MethodResult(report, revision: report.revision)
            },
            MethodDescriptor(.factsCompact, schema: "facts_compact") { context in
                try authorization.check(context)
                var params = try context.params(expecting: ["revision"])
                guard case .int(let revision)? = params.optional("revision"), revision >= 0 else {
                    throw ChronoError.invalidArgument("params.revision: expected a revision (an integer ≥ 0)")
                }
                do {
                    try await live.compact(through: revision)
                } catch GraphError.revisionInFuture(let revision, let current) {
                    throw ChronoError.outOfRange(
                        "params.revision: \(revision) is after the current revision \(current)"
                    )
                }
                return MethodResult(CompactResult(compacted: revision))
            },
        ]
    }

    private struct CompactResult: WireEncodable, Sendable {
        var compacted: Int64

        func write(to writer: inout WireWriter) {
            writer.beginObject()
            writer.key("compacted")
            writer.int(self.compacted)
            writer.endObject()
        }
    }
}
