public import Foundation

extension Request {
    /// The members a request object may have, in the order error messages list them; any other is rejected.
    static let fields = ["id", "method", "params", "deadline_ms", "metadata"]

    /// Parses one line (without its newline) strictly: valid UTF-8, a JSON object, an integer or string
    /// `id`, a string `method`, an object `params`, a positive integer `deadline_ms`, string `metadata`
    /// values, and no other members.
    public static func parse(line: Data) throws(RequestLineError) -> Request {
        let result = line.withUnsafeBytes { bytes in
            Result { () throws(RequestLineError) in try Self.parse(bytes: bytes) }
        }
        return try result.get()
    }

    /// Parses one line's bytes (without the newline); see `parse(line:)`. A plain line (`plain(bytes:)`) is
    /// read without building JSON values; any other by `parseJSON(bytes:)`.
    public static func parse(bytes: UnsafeRawBufferPointer) throws(RequestLineError) -> Request {
        if let request = Self.plain(bytes: bytes) { return request }
        return try Self.parseJSON(bytes: bytes)
    }

    /// The generic parse, through a `JSONValue` of the whole line: the authority on what a line means and on
    /// every error.
    static func parseJSON(bytes: UnsafeRawBufferPointer) throws(RequestLineError) -> Request {
        if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) == nil {
            throw RequestLineError(id: nil, error: .invalidArgument("request line is not valid UTF-8"))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, maximumDepth: ProtocolLimits.maximumJSONDepth)
        } catch {
            throw RequestLineError(id: nil, error: .invalidArgument("request line is not valid JSON: \(error)"))
        }
        guard case .object(let members) = value else {
            throw RequestLineError(
                id: nil,
                error: .invalidArgument("request: expected a JSON object, got \(value.shortDescription)")
            )
        }
        let id = try Self.parseID(members["id"])
        var reader = JSONObjectReader(members, path: "")
        do throws(JSONFieldError) {
            try reader.rejectUnknown(expecting: Self.fields, noun: "field")
            return Request(
                id: id,
                method: try JSONObjectReader.string(
                    try reader.required("method", nullIsAbsent: false),
                    path: "method",
                    allowEmpty: true
                ),
                params: try reader.optionalObject("params"),
                deadlineMilliseconds: try reader.int(
                    "deadline_ms",
                    in: 1...Int(ProtocolLimits.maximumDeadlineMilliseconds)
                ).map(Int64.init),
                metadata: try reader.stringMap("metadata")
            )
        } catch {
            throw RequestLineError(id: id, error: error.status)
        }
    }

    private static func parseID(_ value: JSONValue?) throws(RequestLineError) -> RequestID {
        guard let value else { throw RequestLineError(id: nil, error: .invalidArgument("id: missing")) }
        guard let id = RequestID(value) else {
            throw RequestLineError(
                id: nil,
                error: .invalidArgument("id: expected an integer or a string, got \(value.shortDescription)")
            )
        }
        return id
    }
}
