import ChronoProtocol

/// A frame as the server writes it: like `Response` and `DataFrame`, but with the result or data still a
/// typed value, so it is encoded once, straight to the wire form (members in sorted key order).
enum OutgoingFrame {
    case terminal(id: RequestID?, result: any Encodable & Sendable, revision: Int64)
    case failure(Response)
    case data(id: RequestID, seq: Int64, data: any Encodable & Sendable)

    /// The frame in wire form, without the newline.
    func encoded() throws -> [UInt8] {
        var writer = WireWriter()
        writer.beginObject()
        switch self {
        case .terminal(let id, let result, let revision):
            writer.key("id")
            try Self.write(id, to: &writer)
            writer.key("result")
            try writer.encode(result)
            writer.key("revision")
            writer.int(revision)
            writer.key("status")
            writer.string(StatusCode.ok.rawValue)
        case .failure(let response):
            if let details = response.details {
                writer.key("details")
                try details.write(to: &writer)
            }
            writer.key("id")
            try Self.write(response.id, to: &writer)
            if let message = response.message {
                writer.key("message")
                writer.string(message)
            }
            if let result = response.result {
                writer.key("result")
                try result.write(to: &writer)
            }
            writer.key("revision")
            writer.int(response.revision)
            writer.key("status")
            writer.string(response.status.rawValue)
        case .data(let id, let seq, let data):
            writer.key("data")
            try writer.encode(data)
            writer.key("id")
            try id.write(to: &writer)
            writer.key("seq")
            writer.int(seq)
        }
        writer.endObject()
        return writer.bytes
    }

    private static func write(_ id: RequestID?, to writer: inout WireWriter) throws {
        if let id { try id.write(to: &writer) } else { writer.null() }
    }
}
