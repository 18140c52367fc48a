import ChronoProtocol

/// The frames the server writes, in wire form without the newline: a result or data item is still a typed
/// value here, written once, straight to the wire, inside the envelope `Response` and `DataFrame` write.
enum OutgoingFrame {
    /// The terminal frame of a call that succeeded with `result`.
    static func success(id: RequestID, result: any WireEncodable & Sendable, revision: Int64) throws -> [UInt8] {
        var writer = WireWriter()
        try Response.writeSuccess(id: id, result: result, revision: revision, to: &writer)
        return writer.bytes
    }

    /// A terminal frame whose content is all known (a failure, a refusal).
    static func terminal(_ response: Response) -> [UInt8] {
        var writer = WireWriter()
        response.write(to: &writer)
        return writer.bytes
    }

    /// Data frame `seq` of streaming call `id`.
    static func data(id: RequestID, seq: Int64, data: any WireEncodable & Sendable) throws -> [UInt8] {
        var writer = WireWriter()
        try DataFrame.write(id: id, seq: seq, data: data, to: &writer)
        return writer.bytes
    }
}
