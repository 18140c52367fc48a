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
                try await store.timeline(try GraphQueries.timeline(params), deadline: deadline)
            },
            TimelineStream.descriptor(store: store),
            Self.method(.entityGet, "entity_get") { params, deadline in
                try await store.entity(try GraphQueries.entity(params), deadline: deadline)
            },
            Self.method(.entitySearch, "entity_search") { params, deadline in
                try await store.search(try GraphQueries.search(params), deadline: deadline)
            },
            Self.method(.searchQuery, "search_query") { params, deadline in
                try await store.search(try GraphQueries.recordSearch(params), deadline: deadline)
            },
            Self.method(.graphNeighbors, "graph_neighbors") { params, deadline in
                try await store.neighbors(try GraphQueries.neighbors(params), deadline: deadline)
            },
            Self.method(.graphPaths, "graph_paths") { params, deadline in
                try await store.paths(try GraphQueries.paths(params), deadline: deadline)
            },
            Self.method(.graphSubgraph, "graph_subgraph") { params, deadline in
                try await store.subgraph(try GraphQueries.subgraph(params), deadline: deadline)
            },
            Self.method(.disputesList, "disputes_list") { params, deadline in
                try await store.disputes(try GraphQueries.disputes(params), deadline: deadline)
            },
            Self.method(.figuresList, "figures_list") { params, deadline in
                try await store.figures(try GraphQueries.figures(params), deadline: deadline)
            },
            Self.method(.statsGet, "stats_get") { params, deadline in
                try JSONObjectReader(params, path: "params").rejectUnknown(expecting: [])
                return try await store.stats(deadline: deadline)
            },
        ]
        return unary.map { descriptor in
            var descriptor = descriptor
            if !descriptor.name.isStreaming { descriptor.executor = { store.readExecutor() } }
            return descriptor
        }
    }

    /// A unary method whose result is a `GraphResult`, stamped with the revision it was computed at.
    private static func method<Result: GraphResult>(
        _ name: MethodName,
        _ schema: String,
        _ body: @escaping @Sendable ([String: JSONValue], ContinuousClock.Instant?) async throws -> Result
    ) -> MethodDescriptor {
        MethodDescriptor(name, schema: schema) { context in
            let result = try await body(context.params, context.deadline)
            return MethodResult(result, revision: result.revision)
        }
    }
}
