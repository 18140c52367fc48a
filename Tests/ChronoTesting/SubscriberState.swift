public import ChronoClient
public import ChronoGraph
public import ChronoProtocol

/// A subscriber's view of a subscribed result: the items it has, kept up to date by applying frames.
public struct SubscriberState: Sendable {
    public var items: [ResultItems.Key: JSONValue] = [:]
    public var revision: Int64 = -1

    public init() {}

    /// The frame's `data` member, decoded into the kinds a subscription sends.
    public mutating func apply(_ data: JSONValue) {
        guard case .string(let kind)? = data["kind"], case .int(let revision)? = data["revision"] else { return }
        if kind == "initial" { self.items = [:] }
        for item in data["removed"]?.arrayValue ?? [] {
            self.items[Self.key(item)] = nil
        }
        for item in (data["added"]?.arrayValue ?? []) + (data["changed"]?.arrayValue ?? []) {
            self.items[Self.key(item)] = item["value"] ?? .null
        }
        self.revision = max(self.revision, revision)
    }

    public static func key(_ item: JSONValue) -> ResultItems.Key {
        ResultItems.Key(collection: item["collection"]?.stringValue ?? "", id: item["id"]?.stringValue ?? "")
    }

    /// The items of a fresh answer to the same query.
    public static func fresh(
        _ client: ChronoClient,
        _ method: MethodName,
        _ params: [String: JSONValue]
    ) async throws
        -> [ResultItems.Key: JSONValue]
    {
        resultItems(of: try await client.call(method, params: params).get())
    }
}

/// Reads data frames from a subscription stream until one brings the state to `revision`.
public func follow(
    _ iterator: inout AsyncThrowingStream<Frame, any Error>.AsyncIterator,
    into state: inout SubscriberState,
    until revision: Int64
) async throws -> [JSONValue] {
    var frames: [JSONValue] = []
    while state.revision < revision {
        guard let frame = try await iterator.next() else { throw ChronoError.unavailable("stream ended") }
        guard case .data(let data) = frame else {
            if case .terminal(let response) = frame { throw response.error ?? ChronoError.internal("stream ended") }
            continue
        }
        state.apply(data.data)
        frames.append(data.data)
    }
    return frames
}
