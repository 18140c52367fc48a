public import ChronoStore

extension Dispatcher {
    /// Every method of protocol version 1 including the live graph: the read methods (each also answering
    /// `as_of` a snapshot), `Facts`, `Watch` and `Snapshot`.
    public static func serving(
        live: any GraphService,
        configuration: LiveConfiguration = LiveConfiguration(),
        metrics: CallMetrics = CallMetrics(),
        started: ContinuousClock.Instant = .now
    ) -> Dispatcher {
        let store = live.current
        let revision: @Sendable () -> Int64 = { store.latestRevision }
        let authorization = WriteAuthorization(token: configuration.token)
        return Dispatcher(
            methods: Self.builtinMethods(started: started, revision: revision)
                + AsOfRouting.wrap(
                    GraphMethods.descriptors(store: store, quickBudget: configuration.quickBudget),
                    live: live
                )
                + FactsMethods.descriptors(live: live, authorization: authorization)
                + SnapshotMethods.descriptors(live: live, authorization: authorization)
                + [WatchSubscribe.descriptor(live: live, configuration: configuration, metrics: metrics)],
            metrics: metrics,
            currentRevision: revision
        )
    }
}
