public import ChronoStore

extension Dispatcher {
    /// Every method of protocol version 1, answered from `store`.
    public static func serving(store: GraphStore, started: ContinuousClock.Instant = .now) -> Dispatcher {
        let revision: @Sendable () async throws -> Int64 = { try await store.revision() }
        return Dispatcher(
            methods: Self.builtinMethods(started: started, revision: revision) + GraphMethods.descriptors(store: store),
            currentRevision: { (try? await store.revision()) ?? 0 }
        )
    }
}
