import ChronoProtocol

/// `chrono.v1.Health/Check`: `{}` → `{"status": "SERVING", "revision", "uptime_ms"}`.
enum HealthCheck {
    private struct Result: Encodable, Sendable {
        var status = "SERVING"
        var revision: Int64
        var uptimeMilliseconds: Int64

        enum CodingKeys: String, CodingKey {
            case status, revision
            case uptimeMilliseconds = "uptime_ms"
        }
    }

    /// The method, reporting uptime since `started` and the revision from `revision`.
    static func descriptor(
        started: ContinuousClock.Instant,
        revision: @escaping @Sendable () async throws -> Int64
    ) -> MethodDescriptor {
        MethodDescriptor(.healthCheck, schema: "health_check") { context in
            _ = try Params(context.params, allowed: [])
            let current = try await revision()
            let uptime = (ContinuousClock.now - started).wholeMilliseconds
            return MethodResult(Result(revision: current, uptimeMilliseconds: uptime), revision: current)
        }
    }
}
