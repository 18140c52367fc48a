extension JSONValue: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.int(value)
        case .double(let value): try writer.double(value)
        case .string(let value): writer.string(value)
        case .array(let elements): try writer.array(elements)
        case .object(let members):
            writer.beginObject()
            for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                writer.key(key)
                try members[key]?.write(to: &writer)
            }
            writer.endObject()
        }
    }
}

extension RequestID: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        switch self {
        case .int(let value): writer.int(value)
        case .string(let value): writer.string(value)
        }
    }
}
