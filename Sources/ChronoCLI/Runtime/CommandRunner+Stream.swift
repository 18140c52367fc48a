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
            let connection = try await self.open()
            let deadline = connection.deadline
            let watchdog = Watchdog(limit: deadline + DaemonConnection.grace)
            defer { watchdog.cancel() }
            var records: [JSONValue] = []
            let reply: Reply?
            do {
                reply = try await connection.stream(method.rawValue, params: params, deadline: deadline) { data in
                    let record = data[key] ?? .null
                    if format == .ndjson {
                        Self.write(record.canonicalText + "\n")
                    } else {
                        records.append(record)
                    }
                    return true
                }
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
            guard format != .ndjson else { return }
            var result = reply?.result.objectValue ?? [:]
            result[key + "s"] = .array(records)
            let (text, notes) = try OutputWriter.render(try present(.object(result)), as: format, terminal: terminal)
            Self.write(text)
            for note in notes {
                Self.writeError("chrono: \(note)")
            }
        }
    }
}
