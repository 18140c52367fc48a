internal import ChronoProtocol

/// Reads the members of one JSON object strictly, naming each member by its path in errors.
///
/// Call `finish()` after reading: any member not read is reported as unknown.
struct JSONObjectReader {
    let path: String
    private let members: [String: JSONValue]
    private var read: Set<String> = []

    init(_ value: JSONValue, path: String) throws(GraphRecordError) {
        guard case .object(let members) = value else {
            throw GraphRecordError(path: path, message: "expected an object, got \(value.typeName)")
        }
        self.members = members
        self.path = path
    }

    func pathOf(_ key: String) -> String { self.path.isEmpty ? key : "\(self.path).\(key)" }

    mutating func optional(_ key: String) -> JSONValue? {
        self.read.insert(key)
        guard let value = self.members[key], value != .null else { return nil }
        return value
    }

    mutating func required(_ key: String) throws(GraphRecordError) -> JSONValue {
        guard let value = self.optional(key) else {
            throw GraphRecordError(path: self.pathOf(key), message: "missing required field")
        }
        return value
    }

    mutating func string(_ key: String, allowEmpty: Bool = false) throws(GraphRecordError) -> String {
        try Self.string(try self.required(key), path: self.pathOf(key), allowEmpty: allowEmpty)
    }

    mutating func optionalString(_ key: String, allowEmpty: Bool = false) throws(GraphRecordError) -> String? {
        guard let value = self.optional(key) else { return nil }
        return try Self.string(value, path: self.pathOf(key), allowEmpty: allowEmpty)
    }

    mutating func array(_ key: String, nonEmpty: Bool) throws(GraphRecordError) -> [JSONValue] {
        let value = try self.required(key)
        guard case .array(let elements) = value else {
            throw GraphRecordError(path: self.pathOf(key), message: "expected an array, got \(value.typeName)")
        }
        if nonEmpty && elements.isEmpty {
            throw GraphRecordError(path: self.pathOf(key), message: "must not be empty")
        }
        return elements
    }

    mutating func optionalArray(_ key: String) throws(GraphRecordError) -> [JSONValue] {
        guard self.optional(key) != nil else { return [] }
        return try self.array(key, nonEmpty: false)
    }

    mutating func optionalObject(_ key: String) throws(GraphRecordError) -> [String: JSONValue] {
        guard let value = self.optional(key) else { return [:] }
        guard case .object(let members) = value else {
            throw GraphRecordError(path: self.pathOf(key), message: "expected an object, got \(value.typeName)")
        }
        return members
    }

    func finish() throws(GraphRecordError) {
        if let unknown = self.members.keys.filter({ !self.read.contains($0) }).sorted().first {
            throw GraphRecordError(path: self.pathOf(unknown), message: "unknown field")
        }
    }

    static func string(_ value: JSONValue, path: String, allowEmpty: Bool) throws(GraphRecordError) -> String {
        guard case .string(let text) = value else {
            throw GraphRecordError(path: path, message: "expected a string, got \(value.typeName)")
        }
        if !allowEmpty && text.allSatisfy(\.isWhitespace) {
            throw GraphRecordError(path: path, message: "must not be empty")
        }
        return text
    }
}

extension JSONValue {
    /// The JSON type's name, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
