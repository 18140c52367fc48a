public import Foundation

extension Request {
    /// The members a request object may have; any other member is rejected.
    public static let knownFields: Set<String> = ["id", "method", "params", "deadline_ms", "metadata"]

    /// Parses one line (without its newline) strictly: valid UTF-8, a JSON object, an integer or string
    /// `id`, a string `method`, an object `params`, a positive integer `deadline_ms`, string `metadata`
    /// values, and no other members.
    public static func parse(line: Data) throws(RequestLineError) -> Request {
        let result = line.withUnsafeBytes { bytes in
            Result { () throws(RequestLineError) in try Self.parse(bytes: bytes) }
        }
        return try result.get()
    }

    /// Parses one line's bytes (without the newline); see `parse(line:)`.
    public static func parse(bytes: UnsafeRawBufferPointer) throws(RequestLineError) -> Request {
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
        func fail(_ message: String) -> RequestLineError {
            RequestLineError(id: id, error: .invalidArgument(message))
        }
        if members.keys.contains(where: { !Self.knownFields.contains($0) }),
            let unknown = members.keys.filter({ !Self.knownFields.contains($0) }).sorted().first
        {
            throw fail("\(unknown): unknown field (expected id, method, params, deadline_ms, metadata)")
        }
        guard let methodValue = members["method"] else { throw fail("method: missing") }
        guard case .string(let method) = methodValue else {
            throw fail("method: expected a string, got \(methodValue.shortDescription)")
        }
        var params: [String: JSONValue] = [:]
        switch members["params"] {
        case nil, .null?: break
        case .object(let object)?: params = object
        case let other?: throw fail("params: expected an object, got \(other.shortDescription)")
        }
        var deadline: Int64?
        if let deadlineValue = members["deadline_ms"], deadlineValue != .null {
            guard let milliseconds = deadlineValue.intValue, case .int = deadlineValue else {
                throw fail("deadline_ms: expected an integer, got \(deadlineValue.shortDescription)")
            }
            let maximum = ProtocolLimits.maximumDeadlineMilliseconds
            guard milliseconds >= 1, milliseconds <= maximum else {
                throw fail("deadline_ms: must be between 1 and \(maximum), got \(milliseconds)")
            }
            deadline = milliseconds
        }
        var metadata: [String: String] = [:]
        switch members["metadata"] {
        case nil, .null?: break
        case .object(let object)?:
            for (key, entry) in object {
                guard case .string(let text) = entry else {
                    throw fail("metadata.\(key): expected a string, got \(entry.shortDescription)")
                }
                metadata[key] = text
            }
        case let other?: throw fail("metadata: expected an object, got \(other.shortDescription)")
        }
        return Request(id: id, method: method, params: params, deadlineMilliseconds: deadline, metadata: metadata)
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
