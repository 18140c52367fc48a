extension ChronoServer {
    /// Runs the server while `body` runs with its port, then closes it and waits for `run()` to return.
    ///
    /// The shape of an embedded or test server: bind, serve around some work, shut down gracefully even when
    /// `body` throws.
    public func serving<Result: Sendable>(_ body: @Sendable (Int) async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.run() }
            let result: Result
            do {
                result = try await body(self.port)
            } catch {
                await self.close()
                throw error
            }
            await self.close()
            try await group.waitForAll()
            return result
        }
    }
}
