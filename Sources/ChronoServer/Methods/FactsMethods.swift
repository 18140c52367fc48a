import ChronoProtocol
import ChronoStore

/// `chrono.v1.Facts/Write` and `chrono.v1.Facts/Compact`: the methods that change the graph or its history.
/// Both need the write right (`WriteAuthorization`).
enum FactsMethods {
    static func descriptors(live: LiveGraph, authorization: WriteAuthorization) -> [MethodDescriptor] {
        [
            MethodDescriptor(.factsWrite, schema: "facts_write") { context in
                try authorization.check(context)
                let params = try Params(context.params, allowed: ["upserts", "retractions"])
                let upserts = try Self.array(params, "upserts")
                let retractions = try params.strings("retractions")
                let report = try await live.write(upserts: upserts, retractions: retractions)
                return MethodResult(report, revision: report.revision)
            },
            MethodDescriptor(.factsCompact, schema: "facts_compact") { context in
                try authorization.check(context)
                let params = try Params(context.params, allowed: ["revision"])
                guard case .int(let revision)? = params.raw("revision"), revision >= 0 else {
                    throw ChronoError.invalidArgument("params.revision: expected a revision (an integer ≥ 0)")
                }
                try await live.compact(through: revision)
                return MethodResult(CompactResult(compacted: revision))
            },
        ]
    }

    private struct CompactResult: Encodable, Sendable {
        var compacted: Int64
    }

    /// An optional array (empty when absent).
    private static func array(_ params: Params, _ key: String) throws(ChronoError) -> [JSONValue] {
        switch params.raw(key) {
        case .none: return []
        case .array(let elements)?: return elements
        case .some(let value): throw .invalidArgument("params.\(key): expected an array, got \(value.shortDescription)")
        }
    }
}
