/// Reads the members of one JSON object strictly, naming each member by its path in errors
/// (`params.limit: expected an integer, got "ten"`, `participants[2].role: missing`).
///
/// An explicit `null` reads as absent. Unknown members are rejected either up front against a fixed list
/// (`rejectUnknown(expecting:noun:)`, as request params do) or after reading (`finish()`: any member not
/// read, as graph records do, whose fields depend on their kind).
public struct JSONObjectReader: Sendable {
    /// The object's own path (`params`, `params.query`), or empty for a top-level value.
    public let path: String
    private let members: [String: JSONValue]
    /// The names of the members read so far, for `finish()` (an array: objects are small, and appending costs
    /// no hash).
    private var read: [String] = []

    /// Reads `members`, the object at `path`.
    public init(_ members: [String: JSONValue], path: String) {
        self.members = members
        self.path = path
    }

    /// Reads `value`, which must be an object.
    public init(_ value: JSONValue, path: String) throws(JSONFieldError) {
        guard case .object(let members) = value else {
            throw JSONFieldError(path: path, message: "expected an object, got \(value.shortDescription)")
        }
        self.init(members, path: path)
    }

    /// The path of the member `key` (`params.limit`).
    public func pathOf(_ key: String) -> String { self.path.isEmpty ? key : "\(self.path).\(key)" }

    /// Throws for the first member (by name) not in `names`: `params.colour: unknown parameter (expected limit,
    /// text)`; `names` are listed in the order given.
    public func rejectUnknown(expecting names: [String], noun: String = "parameter") throws(JSONFieldError) {
        guard !self.members.isEmpty, let unknown = self.members.keys.filter({ !names.contains($0) }).min() else {
            return
        }
        let expected = names.isEmpty ? "no parameters" : names.joined(separator: ", ")
        throw JSONFieldError(path: self.pathOf(unknown), message: "unknown \(noun) (expected \(expected))")
    }

    /// Throws for the first member (by name) not read so far: `colour: unknown field`.
    public func finish() throws(JSONFieldError) {
        if let unknown = self.members.keys.filter({ !self.read.contains($0) }).min() {
            throw JSONFieldError(path: self.pathOf(unknown), message: "unknown field")
        }
    }

    /// The member `key` as sent, or `nil` when absent or `null`. (Only members present are recorded as read:
    /// `finish()` asks only about those.)
    public mutating func optional(_ key: String) -> JSONValue? {
        guard let value = self.members[key] else { return nil }
        self.read.append(key)
        if case .null = value { return nil }
        return value
    }

    /// The member `key`; absent is an error, and so is `null` unless `nullIsAbsent` is false (then `null` is
    /// returned, for the caller to reject as a value of the wrong type).
    public mutating func required(_ key: String, nullIsAbsent: Bool = true) throws(JSONFieldError) -> JSONValue {
        guard let value = self.members[key] else { throw JSONFieldError(path: self.pathOf(key), message: "missing") }
        self.read.append(key)
        if nullIsAbsent, case .null = value { throw JSONFieldError(path: self.pathOf(key), message: "missing") }
        return value
    }

    /// A required string; blank is an error unless `allowEmpty`.
    public mutating func string(_ key: String, allowEmpty: Bool = false) throws(JSONFieldError) -> String {
        try Self.string(try self.required(key), path: self.pathOf(key), allowEmpty: allowEmpty)
    }

    /// An optional string; blank is an error unless `allowEmpty`.
    public mutating func optionalString(_ key: String, allowEmpty: Bool = false) throws(JSONFieldError) -> String? {
        guard let value = self.optional(key) else { return nil }
        return try Self.string(value, path: self.pathOf(key), allowEmpty: allowEmpty)
    }

    /// An optional boolean, or `defaultValue` when absent.
    public mutating func bool(_ key: String, default defaultValue: Bool) throws(JSONFieldError) -> Bool {
        guard let value = self.optional(key) else { return defaultValue }
        guard case .bool(let flag) = value else { throw self.mismatch(key, "true or false", value) }
        return flag
    }

    /// An optional integer within `range`.
    public mutating func int(_ key: String, in range: ClosedRange<Int>) throws(JSONFieldError) -> Int? {
        guard let value = self.optional(key) else { return nil }
        guard case .int(let number) = value else { throw self.mismatch(key, "an integer", value) }
        guard number >= range.lowerBound, number <= range.upperBound else {
            throw JSONFieldError(
                path: self.pathOf(key),
                message: "must be between \(range.lowerBound) and \(range.upperBound), got \(number)"
            )
        }
        return Int(number)
    }

    /// An optional integer within `range`, or `defaultValue` when absent.
    public mutating func int(
        _ key: String,
        in range: ClosedRange<Int>,
        default defaultValue: Int
    )
        throws(JSONFieldError) -> Int
    {
        try self.int(key, in: range) ?? defaultValue
    }

    /// An optional array of strings (empty when absent); each may be empty.
    public mutating func strings(_ key: String) throws(JSONFieldError) -> [String] {
        guard let value = self.optional(key) else { return [] }
        guard case .array(let elements) = value else { throw self.mismatch(key, "an array of strings", value) }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            result.append(try Self.string(element, path: "\(self.pathOf(key))[\(index)]", allowEmpty: true))
        }
        return result
    }

    /// An optional string naming one case of `T`.
    public mutating func choice<T: RawRepresentable & CaseIterable>(
        _ key: String,
        as type: T.Type
    )
        throws(JSONFieldError) -> T? where T.RawValue == String
    {
        guard let text = try self.optionalString(key, allowEmpty: true) else { return nil }
        return try Self.choice(text, as: T.self, path: self.pathOf(key))
    }

    /// An optional array of strings, each naming one case of `T`.
    public mutating func choices<T: RawRepresentable & CaseIterable>(
        _ key: String,
        as type: T.Type
    )
        throws(JSONFieldError) -> [T] where T.RawValue == String
    {
        var result: [T] = []
        for (index, text) in try self.strings(key).enumerated() {
            result.append(try Self.choice(text, as: T.self, path: "\(self.pathOf(key))[\(index)]"))
        }
        return result
    }

    /// A required array; empty is an error when `nonEmpty`.
    public mutating func array(_ key: String, nonEmpty: Bool) throws(JSONFieldError) -> [JSONValue] {
        let value = try self.required(key)
        guard case .array(let elements) = value else { throw self.mismatch(key, "an array", value) }
        if nonEmpty && elements.isEmpty {
            throw JSONFieldError(path: self.pathOf(key), message: "must not be empty")
        }
        return elements
    }

    /// An optional array (empty when absent).
    public mutating func optionalArray(_ key: String) throws(JSONFieldError) -> [JSONValue] {
        guard self.optional(key) != nil else { return [] }
        return try self.array(key, nonEmpty: false)
    }

    /// An optional object's members (empty when absent).
    public mutating func optionalObject(_ key: String) throws(JSONFieldError) -> [String: JSONValue] {
        guard let value = self.optional(key) else { return [:] }
        guard case .object(let members) = value else { throw self.mismatch(key, "an object", value) }
        return members
    }

    /// An optional object whose members are all strings (empty when absent); each may be empty.
    public mutating func stringMap(_ key: String) throws(JSONFieldError) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in try self.optionalObject(key) {
            result[name] = try Self.string(value, path: "\(self.pathOf(key)).\(name)", allowEmpty: true)
        }
        return result
    }

    /// `value` as a string; blank is an error unless `allowEmpty`. (`path` is built only for an error.)
    public static func string(
        _ value: JSONValue,
        path: @autoclosure () -> String,
        allowEmpty: Bool
    ) throws(JSONFieldError) -> String {
        guard case .string(let text) = value else {
            throw JSONFieldError(path: path(), message: "expected a string, got \(value.shortDescription)")
        }
        if !allowEmpty && text.allSatisfy(\.isWhitespace) {
            throw JSONFieldError(path: path(), message: "must not be empty")
        }
        return text
    }

    private func mismatch(_ key: String, _ expected: String, _ value: JSONValue) -> JSONFieldError {
        JSONFieldError(path: self.pathOf(key), message: "expected \(expected), got \(value.shortDescription)")
    }

    private static func choice<T: RawRepresentable & CaseIterable>(
        _ text: String,
        as type: T.Type,
        path: @autoclosure () -> String
    )
        throws(JSONFieldError) -> T where T.RawValue == String
    {
        guard let choice = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw JSONFieldError(path: path(), message: "expected one of \(names), got \"\(text)\"")
        }
        return choice
    }
}
