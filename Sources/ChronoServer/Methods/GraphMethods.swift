import ChronoGraph
import ChronoProtocol
import ChronoStore

/// The methods answered from the graph store. Each passes the call's deadline to the store, which interrupts
/// SQLite when it passes; results carry the revision they were computed at.
enum GraphMethods {
    /// One descriptor per graph method; unary calls run on the store's reader threads.
    static func descriptors(store: GraphStore) -> [MethodDescriptor] {
        let unary: [MethodDescriptor] = [
            Self.method(.timelineQuery, "timeline_query") { params, deadline in
                try await store.timeline(try TimelineQuery(reading: &params), deadline: deadline)
            },
            TimelineStream.descriptor(store: store),
            Self.method(.entityGet, "entity_get") { params, deadline in
                try params.rejectUnknown(expecting: ["id"])
                return try await store.entity(try params.string("id"), deadline: deadline)
            },
            Self.method(.entitySearch, "entity_search") { params, deadline in
                try await store.search(try SearchQuery(reading: &params), deadline: deadline)
            },
            Self.method(.searchQuery, "search_query") { params, deadline in
                try await store.search(try RecordSearchQuery(reading: &params), deadline: deadline)
            },
            Self.method(.graphNeighbors, "graph_neighbors") { params, deadline in
                try await store.neighbors(try NeighborsQuery(reading: &params), deadline: deadline)
            },
            Self.method(.graphPaths, "graph_paths") { params, deadline in
                try await store.paths(try PathsQuery(reading: &params), deadline: deadline)
            },
            Self.method(.graphSubgraph, "graph_subgraph") { params, deadline in
                try await store.subgraph(try SubgraphQuery(reading: &params), deadline: deadline)
            },
            Self.method(.disputesList, "disputes_list") { params, deadline in
                try await store.disputes(try DisputesQuery(reading: &params), deadline: deadline)
            },
            Self.method(.figuresList, "figures_list") { params, deadline in
                try await store.figures(try FiguresQuery(reading: &params), deadline: deadline)
            },
            Self.method(.statsGet, "stats_get") { params, deadline in
                try params.rejectUnknown(expecting: [])
                return try await store.stats(deadline: deadline)
            },
        ]
        return unary.map { descriptor in
            var descriptor = descriptor
            if !descriptor.name.isStreaming { descriptor.executor = { store.readExecutor() } }
            return descriptor
        }
    }

    /// A unary method whose result is a `GraphResult`, stamped with the revision it was computed at; `body` reads
    /// the params (each query type reads and checks its own) and asks the store.
    private static func method<Result: GraphResult>(
        _ name: MethodName,
        _ schema: String,
        _ body: @escaping @Sendable (inout JSONObjectReader, ContinuousClock.Instant?) async throws -> Result
    ) -> MethodDescriptor {
        MethodDescriptor(name, schema: schema) { context in
            var params = JSONObjectReader(context.params, path: "params")
            let result = try await body(&params, context.deadline)
            return MethodResult(result, revision: result.revision)
        }
    }
}
