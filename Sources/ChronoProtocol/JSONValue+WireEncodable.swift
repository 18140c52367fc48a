extension JSONValue: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        self.write(into: &writer)
    }

    /// Writes the value with its object members sorted by key (`WireWriter.precedes`).
    /// A non-finite number, which no parsed value holds and JSON cannot express, is written as `null`.
    public func write(into writer: inout WireWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.int(value)
        case .double(let value) where value.isFinite: writer.finite(value)
        case .double: writer.null()
        case .string(let value): writer.string(value)
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(into: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for key in members.keys.sorted(by: WireWriter.precedes) {
                writer.key(named: key)
                members[key]?.write(into: &writer)
            }
            writer.endObject()
        }
    }

    /// The value `value` writes: its wire form, parsed (for details and subscription diffs, which need the
    /// members of a typed result).
    public init(writing value: some WireEncodable) throws {
        self = try WireWriter.bytes(of: value).withUnsafeBytes { bytes in
            try JSONParser.parse(bytes, maximumDepth: .max)
        }
    }

    /// The canonical text of the value: the wire's form (sorted keys, no white space, text as UTF-8 with only
    /// what JSON requires escaped, integral numbers as integers), which is also the form `Tools/graph_merge.py`
    /// writes (`json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`), so the same
    /// record always has the same bytes: in `Graph/`, in snapshots and in the change log.
    public var canonicalText: String {
        var writer = WireWriter()
        self.write(into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

extension RequestID: WireEncodable {
    public func write(to writer: inout WireWriter) {
        switch self {
        case .int(let value): writer.int(value)
        case .string(let value): writer.string(value)
        }
    }
}
