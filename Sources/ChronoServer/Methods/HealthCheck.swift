import ChronoProtocol

/// `chrono.v1.Health/Check`: `{}` → `{"status": "SERVING", "revision", "uptime_ms"}`.
enum HealthCheck {
    /// Small enough to sit inside an existential's inline buffer (three words), so answering allocates no box
    /// for it; its `status` is always `SERVING`.
    fileprivate struct Result: Sendable {
        var revision: Int64
        var uptimeMilliseconds: Int64
    }

    /// The method, reporting uptime since `started` and the revision from `revision`; it runs inline.
    static func descriptor(
        started: ContinuousClock.Instant,
        revision: @escaping @Sendable () -> Int64
    ) -> MethodDescriptor {
        MethodDescriptor(
            .healthCheck,
            schema: "health_check",
            inline: { context in
                _ = try context.params(expecting: [])
                let current = revision()
                let uptime = (ContinuousClock.now - started).wholeMilliseconds
                return MethodResult(Result(revision: current, uptimeMilliseconds: uptime), revision: current)
            }
        )
    }
}

extension HealthCheck.Result: WireEncodable {
    func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("revision")
        writer.int(self.revision)
        writer.key("status")
        writer.string("SERVING")
        writer.key("uptime_ms")
        writer.int(self.uptimeMilliseconds)
        writer.endObject()
    }
}
