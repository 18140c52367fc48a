public import ChronoProtocol

/// What a method handler returns: the `result` object and, when it knows it, the revision it was computed at.
public struct MethodResult: Sendable {
    /// The value encoded as the terminal frame's `result`.
    public var value: any WireEncodable & Sendable
    /// The graph revision of the answer; `nil` means the store's current revision.
    public var revision: Int64?

    /// Creates a result.
    public init(_ value: any WireEncodable & Sendable, revision: Int64? = nil) {
        self.value = value
        self.revision = revision
    }
}
