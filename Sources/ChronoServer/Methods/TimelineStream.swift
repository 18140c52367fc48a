import ChronoGraph
import ChronoProtocol
import ChronoStore

/// `chrono.v1.Timeline/Stream`: the whole timeline window as data frames `{"event": Event}`, then
/// `{"count", "window", "ordering"}`. Pages through the store so memory stays bounded.
enum TimelineStream {
    /// Events fetched per store call.
    static let pageSize = 200

    private struct Item: WireEncodable, Sendable {
        var event: Event

        func write(to writer: inout WireWriter) throws {
            writer.beginObject()
            writer.key("event")
            try self.event.write(to: &writer)
            writer.endObject()
        }
    }

    private struct Summary: WireEncodable, Sendable {
        var count: Int
        var window: TimelineWindow
        var ordering: String

        func write(to writer: inout WireWriter) throws {
            writer.beginObject()
            writer.key("count")
            writer.int(self.count)
            writer.key("ordering")
            writer.string(self.ordering)
            writer.key("window")
            try self.window.write(to: &writer)
            writer.endObject()
        }
    }

    static func descriptor(store: any GraphReading) -> MethodDescriptor {
        MethodDescriptor(.timelineStream, schema: "timeline_stream") { context in
            try await Self.answer(context, on: store)
        }
    }

    /// Streams the window of the call's query from `store`; the summary is the result.
    static func answer(_ context: CallContext, on store: any GraphReading) async throws -> MethodResult {
        var params = JSONObjectReader(context.params, path: "params")
        var query = try TimelineQuery(reading: &params, paged: false)
        query.limit = Self.pageSize
        var page = try await store.run(query, deadline: context.deadline)
        let summary = (window: page.window, ordering: page.ordering, revision: page.revision)
        var count = 0
        while true {
            for event in page.events {
                try await context.send(Item(event: event))
                count += 1
            }
            guard let cursor = page.nextCursor else { break }
            query.cursor = cursor
            page = try await store.run(query, deadline: context.deadline)
        }
        let result = Summary(count: count, window: summary.window, ordering: summary.ordering)
        return MethodResult(result, revision: summary.revision)
    }
}
