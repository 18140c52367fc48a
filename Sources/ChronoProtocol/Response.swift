/// The terminal frame of a call: its final status, and the result on success or a message on failure.
///
/// Exactly one is sent per call. `id` is `nil` only for a line whose id could not be read.
public struct Response: Sendable, Hashable {
    /// The call's id, or `nil` when the request line had no readable id.
    public var id: RequestID?
    /// The final status.
    public var status: StatusCode
    /// The result object, present when `status` is `OK`.
    public var result: JSONValue?
    /// What went wrong, present when `status` is not `OK`.
    public var message: String?
    /// The graph revision the answer was computed at.
    public var revision: Int64
    /// Structured extra information about a failure, such as `candidates` for an ambiguous name.
    public var details: JSONValue?

    /// Creates a terminal frame.
    public init(
        id: RequestID?,
        status: StatusCode,
        result: JSONValue? = nil,
        message: String? = nil,
        revision: Int64,
        details: JSONValue? = nil
    ) {
        self.id = id
        self.status = status
        self.result = result
        self.message = message
        self.revision = revision
        self.details = details
    }

    /// A failure frame for `error`.
    public init(id: RequestID?, error: ChronoError, revision: Int64, details: JSONValue? = nil) {
        self.init(id: id, status: error.code, message: error.message, revision: revision, details: details)
    }

    /// The failure as an error, or `nil` when the status is `OK`.
    public var error: ChronoError? {
        self.status == .ok ? nil : ChronoError(self.status, self.message ?? "")
    }

    /// The result of a successful call.
    /// - Throws: the call's failure as a `ChronoError`.
    public func get() throws(ChronoError) -> JSONValue {
        if let error = self.error { throw error }
        return self.result ?? .object([:])
    }
}

extension Response: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, status, result, message, revision, details
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decodeIfPresent(RequestID.self, forKey: .id)
        self.status = try container.decode(StatusCode.self, forKey: .status)
        self.result = try container.decodeIfPresent(JSONValue.self, forKey: .result)
        self.message = try container.decodeIfPresent(String.self, forKey: .message)
        self.revision = try container.decode(Int64.self, forKey: .revision)
        self.details = try container.decodeIfPresent(JSONValue.self, forKey: .details)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let id = self.id {
            try container.encode(id, forKey: .id)
        } else {
            try container.encodeNil(forKey: .id)
        }
        try container.encode(self.status, forKey: .status)
        try container.encodeIfPresent(self.result, forKey: .result)
        try container.encodeIfPresent(self.message, forKey: .message)
        try container.encode(self.revision, forKey: .revision)
        try container.encodeIfPresent(self.details, forKey: .details)
    }
}
