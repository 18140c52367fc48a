extension Response: WireEncodable {
    /// Writes the frame in wire form.
    public func write(to writer: inout WireWriter) {
        Self.writeOpening(id: self.id, message: self.message, details: self.details, to: &writer)
        if let result = self.result {
            writer.key("result")
            result.write(into: &writer)
        }
        Self.writeClosing(revision: self.revision, status: self.status, to: &writer)
    }

    /// Writes the terminal frame of a call that succeeded with `result`, a typed value written straight to the
    /// wire without making a `JSONValue` of it first.
    public static func writeSuccess(
        id: RequestID,
        result: any WireEncodable,
        revision: Int64,
        to writer: inout WireWriter
    ) throws {
        Self.writeOpening(id: id, message: nil, details: nil, to: &writer)
        writer.key("result")
        try result.write(to: &writer)
        Self.writeClosing(revision: revision, status: .ok, to: &writer)
    }

    // A terminal frame's wire form is written here and nowhere else: members in sorted key order (`details`,
    // `id`, `message`, `result`, `revision`, `status`), absent ones left out, except `id`, which is `null` when
    // unknown. The writers above add `result` between these two halves. (Not generic over the result's type:
    // a generic writer called from another module ran unspecialized, looking up type metadata per frame.)

    private static func writeOpening(id: RequestID?, message: String?, details: JSONValue?, to writer: inout WireWriter)
    {
        writer.beginObject()
        if let details {
            writer.key("details")
            details.write(into: &writer)
        }
        writer.key("id")
        if let id { id.write(to: &writer) } else { writer.null() }
        if let message {
            writer.key("message")
            writer.string(message)
        }
    }

    private static func writeClosing(revision: Int64, status: StatusCode, to writer: inout WireWriter) {
        writer.key("revision")
        writer.int(revision)
        writer.key("status")
        writer.string(status.rawValue)
        writer.endObject()
    }
}

extension DataFrame: WireEncodable {
    /// Writes the frame in wire form.
    public func write(to writer: inout WireWriter) {
        Self.writeOpening(to: &writer)
        self.data.write(into: &writer)
        Self.writeClosing(id: self.id, seq: self.seq, to: &writer)
    }

    /// Writes data frame `seq` of call `id` whose item is `data`, a typed value written straight to the wire.
    public static func write(id: RequestID, seq: Int64, data: any WireEncodable, to writer: inout WireWriter) throws {
        Self.writeOpening(to: &writer)
        try data.write(to: &writer)
        Self.writeClosing(id: id, seq: seq, to: &writer)
    }

    // A data frame's wire form is written here and nowhere else: members in sorted key order (`data`, `id`,
    // `seq`); the writers above write `data`'s value between these two halves.

    private static func writeOpening(to writer: inout WireWriter) {
        writer.beginObject()
        writer.key("data")
    }

    private static func writeClosing(id: RequestID, seq: Int64, to writer: inout WireWriter) {
        writer.key("id")
        id.write(to: &writer)
        writer.key("seq")
        writer.int(seq)
        writer.endObject()
    }
}
