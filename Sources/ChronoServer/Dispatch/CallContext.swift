public import ChronoProtocol
public import Logging

/// What a method handler knows about its call and how it talks back.
///
/// Handlers run in their own task; they should check for cancellation between units of work and pass
/// `deadline` on to the store, which interrupts SQLite when it passes.
public struct CallContext: Sendable {
    /// The call's id.
    public let id: RequestID
    /// The request's `params`, unchecked: read them with `params(expecting:)`.
    public let params: [String: JSONValue]
    /// The request's metadata.
    public let metadata: [String: String]
    /// When the call's `deadline_ms` runs out, if it set one.
    public let deadline: ContinuousClock.Instant?
    /// A logger carrying the connection and call ids, made when read (a handler that logs nothing pays
    /// nothing for it).
    public var logger: Logger { self.makeLogger() }
    /// Whether the client connected from a loopback address.
    public let isLoopback: Bool
    private let makeLogger: @Sendable () -> Logger
    private let sendData: @Sendable (any WireEncodable & Sendable) async throws -> Void
    private let cancelCall: @Sendable (RequestID) -> Bool

    /// Creates a context; the session supplies the data sink and the cancel hook.
    public init(
        id: RequestID,
        params: [String: JSONValue],
        metadata: [String: String] = [:],
        deadline: ContinuousClock.Instant? = nil,
        logger: @autoclosure @escaping @Sendable () -> Logger,
        isLoopback: Bool = false,
        sendData: @escaping @Sendable (any WireEncodable & Sendable) async throws -> Void,
        cancelCall: @escaping @Sendable (RequestID) -> Bool
    ) {
        self.id = id
        self.params = params
        self.metadata = metadata
        self.deadline = deadline
        self.makeLogger = logger
        self.isLoopback = isLoopback
        self.sendData = sendData
        self.cancelCall = cancelCall
    }

    /// Sends one data frame of a streaming call; suspends while the client is slow to read.
    /// - Throws: `CancellationError` once the call has been cancelled or its deadline passed.
    public func send(_ data: any WireEncodable & Sendable) async throws {
        try await self.sendData(data)
    }

    /// Cancels another call in flight on the same connection; returns whether one was found.
    public func cancel(_ target: RequestID) -> Bool {
        self.cancelCall(target)
    }

    /// The same call with other `params` (a method answering through another method's handler).
    public func with(params: [String: JSONValue]) -> CallContext {
        CallContext(
            id: self.id,
            params: params,
            metadata: self.metadata,
            deadline: self.deadline,
            logger: self.makeLogger(),
            isLoopback: self.isLoopback,
            sendData: self.sendData,
            cancelCall: self.cancelCall
        )
    }
}

extension CallContext {
    /// A strict reader of `params` (paths `params.…`) that has already rejected any member not in `names`
    /// (listed in that order in the message).
    public func params(expecting names: [String]) throws(JSONFieldError) -> JSONObjectReader {
        let reader = JSONObjectReader(self.params, path: "params")
        try reader.rejectUnknown(expecting: names)
        return reader
    }
}
