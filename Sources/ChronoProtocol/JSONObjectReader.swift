/// Reads the members of one JSON object strictly, naming each member by its path in errors.
///
/// Call `finish()` after reading: any member not read is reported as unknown.
public struct JSONObjectReader: Sendable {
    public let path: String
    private let members: [String: JSONValue]
    private var read: Set<String> = []

    public init(_ value: JSONValue, path: String) throws(JSONFieldError) {
        guard case .object(let members) = value else {
            throw JSONFieldError(path: path, message: "expected an object, got \(value.typeName)")
        }
        self.members = members
        self.path = path
    }

    public func pathOf(_ key: String) -> String { self.path.isEmpty ? key : "\(self.path).\(key)" }

    public mutating func optional(_ key: String) -> JSONValue? {
        self.read.insert(key)
        guard let value = self.members[key], value != .null else { return nil }
        return value
    }

    public mutating func required(_ key: String) throws(JSONFieldError) -> JSONValue {
        guard let value = self.optional(key) else {
            throw JSONFieldError(path: self.pathOf(key), message: "missing required field")
        }
        return value
    }

    public mutating func string(_ key: String, allowEmpty: Bool = false) throws(JSONFieldError) -> String {
        try Self.string(try self.required(key), path: self.pathOf(key), allowEmpty: allowEmpty)
    }

    public mutating func optionalString(_ key: String, allowEmpty: Bool = false) throws(JSONFieldError) -> String? {
        guard let value = self.optional(key) else { return nil }
        return try Self.string(value, path: self.pathOf(key), allowEmpty: allowEmpty)
    }

    public mutating func array(_ key: String, nonEmpty: Bool) throws(JSONFieldError) -> [JSONValue] {
        let value = try self.required(key)
        guard case .array(let elements) = value else {
            throw JSONFieldError(path: self.pathOf(key), message: "expected an array, got \(value.typeName)")
        }
        if nonEmpty && elements.isEmpty {
            throw JSONFieldError(path: self.pathOf(key), message: "must not be empty")
        }
        return elements
    }

    public mutating func optionalArray(_ key: String) throws(JSONFieldError) -> [JSONValue] {
        guard self.optional(key) != nil else { return [] }
        return try self.array(key, nonEmpty: false)
    }

    public mutating func optionalObject(_ key: String) throws(JSONFieldError) -> [String: JSONValue] {
        guard let value = self.optional(key) else { return [:] }
        guard case .object(let members) = value else {
            throw JSONFieldError(path: self.pathOf(key), message: "expected an object, got \(value.typeName)")
        }
        return members
    }

    public func finish() throws(JSONFieldError) {
        if let unknown = self.members.keys.filter({ !self.read.contains($0) }).sorted().first {
            throw JSONFieldError(path: self.pathOf(unknown), message: "unknown field")
        }
    }

    public static func string(_ value: JSONValue, path: String, allowEmpty: Bool) throws(JSONFieldError) -> String {
        guard case .string(let text) = value else {
            throw JSONFieldError(path: path, message: "expected a string, got \(value.typeName)")
        }
        if !allowEmpty && text.allSatisfy(\.isWhitespace) {
            throw JSONFieldError(path: path, message: "must not be empty")
        }
        return text
    }
}

extension JSONValue {
    /// The JSON type's name, for error messages.
    public var typeName: String {
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
