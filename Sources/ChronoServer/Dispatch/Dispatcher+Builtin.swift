extension Dispatcher {
    /// The methods that need no graph: `chrono.v1.Health/Check` and `chrono.v1.Call/Cancel`.
    public static func builtinMethods(
        started: ContinuousClock.Instant = .now,
        revision: @escaping @Sendable () -> Int64
    ) -> [MethodDescriptor] {
        [HealthCheck.descriptor(started: started, revision: revision), CallCancel.descriptor]
    }
}
