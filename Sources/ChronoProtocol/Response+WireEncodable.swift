extension Response: WireEncodable {
    /// Writes the frame in wire form.
    public func write(to writer: inout WireWriter) {
        Self.write(
            id: self.id,
            status: self.status,
            result: self.result,
            message: self.message,
            revision: self.revision,
            details: self.details,
            to: &writer
        ) { result, writer in result.write(into: &writer) }
    }

    /// Writes a terminal frame: the one place its wire form is written, members in sorted key order (`details`,
    /// `id`, `message`, `result`, `revision`, `status`) and absent ones left out, except `id`, which is `null`
    /// when unknown.
    ///
    /// `writeResult` writes the value of `result`, so a server can write a typed result straight to the wire
    /// without making a `JSONValue` of it first.
    public static func write<Result, Failure: Error>(
        id: RequestID?,
        status: StatusCode,
        result: Result?,
        message: String?,
        revision: Int64,
        details: JSONValue?,
        to writer: inout WireWriter,
        writingResult writeResult: (Result, inout WireWriter) throws(Failure) -> Void
    ) throws(Failure) {
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
        if let result {
            writer.key("result")
            try writeResult(result, &writer)
        }
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
        Self.write(id: self.id, seq: self.seq, data: self.data, to: &writer) { data, writer in
            data.write(into: &writer)
        }
    }

    /// Writes a data frame: the one place its wire form is written, members in sorted key order (`data`, `id`,
    /// `seq`). `writeData` writes the value of `data`, which may still be a typed value.
    public static func write<Item, Failure: Error>(
        id: RequestID,
        seq: Int64,
        data: Item,
        to writer: inout WireWriter,
        writingData writeData: (Item, inout WireWriter) throws(Failure) -> Void
    ) throws(Failure) {
        writer.beginObject()
        writer.key("data")
        try writeData(data, &writer)
        writer.key("id")
        id.write(to: &writer)
        writer.key("seq")
        writer.int(seq)
        writer.endObject()
    }
}
