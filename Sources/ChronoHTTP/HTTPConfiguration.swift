public import ChronoProtocol
public import Foundation

/// The limits and folders of the HTTP side.
public struct HTTPConfiguration: Sendable {
    /// Largest accepted request body (the params of one call), in bytes.
    public var maximumBodyBytes: Int
    /// How long a call that does not stream may run when it names no deadline (`X-Deadline-Ms`).
    public var requestTimeout: Duration
    /// Largest frame (a result or a data frame) in bytes, as on TCP.
    public var maximumResultBytes: Int
    /// The folder of the research documents the citations point into, when chronod was given one.
    public var documents: URL?
    /// How long a connection may stay without a request before it is closed (a response in progress, such as
    /// a subscription's, does not count as idle).
    public var idleTimeout: Duration

    /// Creates a configuration; the defaults match the line protocol's limits.
    public init(
        maximumBodyBytes: Int = ProtocolLimits.maximumLineLength,
        requestTimeout: Duration = .seconds(60),
        maximumResultBytes: Int = 16 * 1_048_576,
        documents: URL? = nil,
        idleTimeout: Duration = .seconds(300)
    ) {
        self.maximumBodyBytes = maximumBodyBytes
        self.requestTimeout = requestTimeout
        self.maximumResultBytes = maximumResultBytes
        self.documents = documents
        self.idleTimeout = idleTimeout
    }
}
