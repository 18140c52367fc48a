public import ChronoProtocol

/// The params of one `Facts/Write` call, checked against the request line cap before sending.
public struct WriteBatch: Sendable {
    /// The request line bytes kept free for the envelope (id, method, deadline, metadata).
    static let envelopeAllowance = 4_096

    /// The records to add or replace.
    public var upserts: [JSONValue]
    /// The ids to remove.
    public var retractions: [String]

    /// Creates a batch.
    public init(upserts: [JSONValue], retractions: [String] = []) {
        self.upserts = upserts
        self.retractions = retractions
    }

    /// The `Facts/Write` params.
    public var params: [String: JSONValue] {
        ["upserts": .array(self.upserts), "retractions": .array(self.retractions.map(JSONValue.string))]
    }

    /// The encoded size of the params in bytes.
    public func encodedSize() throws -> Int {
        JSONValue.object(self.params).canonicalText.utf8.count
    }

    /// The largest params a request line can carry.
    public static var capacity: Int {
        ProtocolLimits.maximumLineLength - Self.envelopeAllowance
    }

    /// Refuses a batch that would not fit in one request line: a write is all or nothing, so it is never split.
    /// - Throws: `INVALID_ARGUMENT` giving the size and the cap.
    public func checkSize() throws {
        let size = try self.encodedSize()
        guard size <= Self.capacity else {
            throw CLIFailure(
                .invalidArgument,
                "the batch is \(size) bytes, more than the \(Self.capacity) a request line can carry "
                    + "(1 MiB less the envelope); a write is all or nothing, so split the file into smaller writes"
            )
        }
    }
}
