import ChronoGraph
import ChronoProtocol
import ChronoStore

/// The methods answered from the graph store. Each passes the call's deadline to the store, which interrupts
/// SQLite when it passes; results carry the revision they were computed at.
enum GraphMethods {
    /// One descriptor per graph method.
    static func descriptors(store: GraphStore) -> [MethodDescriptor] {
        [
            MethodDescriptor(.timelineQuery, schema: "timeline_query") { context in
                Self.result(try await store.timeline(try GraphQueries.timeline(context.params), deadline: context.deadline))
            },
            TimelineStream.descriptor(store: store),
            MethodDescriptor(.entityGet, schema: "entity_get") { context in
                Self.result(try await store.entity(try GraphQueries.entity(context.params), deadline: context.deadline))
            },
            MethodDescriptor(.entitySearch, schema: "entity_search") { context in
                Self.result(try await store.search(try GraphQueries.search(context.params), deadline: context.deadline))
            },
        ]
    }

    private static func result(_ value: some GraphResult) -> MethodResult {
        MethodResult(value, revision: value.revision)
    }
}
