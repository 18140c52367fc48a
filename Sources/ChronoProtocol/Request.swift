/// One call as sent by a client: `{"id", "method", "params", "deadline_ms", "metadata"}` on one line.
public struct Request: Sendable, Hashable {
    /// The client's id for the call, echoed on every frame of the answer.
    public var id: RequestID
    /// The full method name, `chrono.v1.<Service>/<Method>`.
    public var method: String
    /// The method's parameters (an empty object when the line has none).
    public var params: [String: JSONValue]
    /// The relative deadline in milliseconds, if the client set one.
    public var deadlineMilliseconds: Int64?
    /// Free-form string metadata such as `authorization`.
    public var metadata: [String: String]

    /// Creates a request.
    public init(
        id: RequestID,
        method: String,
        params: [String: JSONValue] = [:],
        deadlineMilliseconds: Int64? = nil,
        metadata: [String: String] = [:]
    ) {
        self.id = id
        self.method = method
        self.params = params
        self.deadlineMilliseconds = deadlineMilliseconds
        self.metadata = metadata
    }
}

extension Request: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, method, params, metadata
        case deadlineMilliseconds = "deadline_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)
        try container.encode(self.method, forKey: .method)
        try container.encode(self.params, forKey: .params)
        try container.encodeIfPresent(self.deadlineMilliseconds, forKey: .deadlineMilliseconds)
        if !self.metadata.isEmpty {
            try container.encode(self.metadata, forKey: .metadata)
        }
    }
}
