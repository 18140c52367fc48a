public import ChronoProtocol

extension CommandRunner {
    /// Calls a streaming method whose data frames each carry one record under `key`, and writes them.
    ///
    /// NDJSON records are written as their frames arrive; every other format waits for the terminal frame
    /// and presents its result with the records gathered under `key + "s"` (`event` → `events`).
    public func runStream(
        _ method: MethodName,
        params: [String: JSONValue],
        key: String,
        present: @Sendable (JSONValue) throws -> Presentation
    ) async throws {
        try await self.guarding { terminal in
            let format = self.output.resolved(for: terminal)
            var records: [JSONValue] = []
            let reply = try await self.stream(method, params: params) { data in
                let record = data[key] ?? .null
                if format == .ndjson {
                    Self.write(record.canonicalText + "\n")
                } else {
                    records.append(record)
                }
            }
            guard format != .ndjson else { return }
            var result = reply.objectValue ?? [:]
            result[key + "s"] = .array(records)
            let (text, notes) = try OutputWriter.render(try present(.object(result)), as: format, terminal: terminal)
            Self.write(text)
            for note in notes {
                Self.writeError("chrono: \(note)")
            }
        }
    }

    /// Calls a streaming method on a connection of its own, handing each data frame's `data` to `receive` as it
    /// arrives (the next frame is read once `receive` returns), and returns the terminal frame's result.
    /// - Throws: the call's failure, or what `receive` throws (which ends the call).
    func stream(
        _ method: MethodName,
        params: [String: JSONValue],
        receive: (JSONValue) throws -> Void
    ) async throws -> JSONValue {
        let reply = try await self.connected { connection in
            let deadline = connection.deadline
            let watchdog = Watchdog(limit: deadline + DaemonConnection.grace)
            defer { watchdog.cancel() }
            return try await connection.stream(method.rawValue, params: params, deadline: deadline) { data in
                try receive(data)
                return true
            }
        }
        return reply?.result ?? .object([:])
    }
}
