public import ChronoGraph

extension GraphStore {
    /// One page of events in a window (`chrono.v1.Timeline/Query`).
    ///
    /// `overlaps` selects events whose fuzzy bounds meet the window, `within` those whose strict bounds lie
    /// inside it. Events come in `TimelinePage.ordering`; `nextCursor` continues after the page's last event.
    /// - Throws: `GraphError` for a bad cursor, an unknown type or text without words; `UnknownEntityError` or
    ///   `AmbiguousEntityError` for an actor or instrument that does not resolve; `ChronoError.cancelled` or
    ///   `.deadlineExceeded` when interrupted.
    public func timeline(_ query: TimelineQuery, deadline: ContinuousClock.Instant? = nil) async throws -> TimelinePage
    {
        try await self.reading(deadline: deadline) { reader in try reader.timeline(query) }
    }
}
