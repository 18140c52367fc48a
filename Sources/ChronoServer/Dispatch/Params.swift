public import ChronoProtocol

/// Strict reading of a request's `params`: unknown members and wrong types are `INVALID_ARGUMENT`
/// errors that name the field (`params.limit: expected an integer, got "ten"`).
///
/// An explicit `null` reads as absent.
public struct Params: Sendable {
    private let members: [String: JSONValue]

    /// Wraps `members`, rejecting any member not in `allowed`.
    public init(_ members: [String: JSONValue], allowed: Set<String>) throws(ChronoError) {
        if let unknown = members.keys.filter({ !allowed.contains($0) }).sorted().first {
            let expected = allowed.isEmpty ? "no parameters" : allowed.sorted().joined(separator: ", ")
            throw .invalidArgument("params.\(unknown): unknown parameter (expected \(expected))")
        }
        self.members = members
    }

    /// The member `key` as sent, or `nil` when absent or `null`.
    public func raw(_ key: String) -> JSONValue? {
        guard let value = self.members[key], value != .null else { return nil }
        return value
    }

    private static func mismatch(_ key: String, _ expected: String, _ value: JSONValue) -> ChronoError {
        .invalidArgument("params.\(key): expected \(expected), got \(value.shortDescription)")
    }

    /// An optional string.
    public func string(_ key: String) throws(ChronoError) -> String? {
        guard let value = self.raw(key) else { return nil }
        guard case .string(let text) = value else { throw Self.mismatch(key, "a string", value) }
        return text
    }

    /// An optional boolean, or `defaultValue` when absent.
    public func bool(_ key: String, default defaultValue: Bool) throws(ChronoError) -> Bool {
        guard let value = self.raw(key) else { return defaultValue }
        guard case .bool(let flag) = value else { throw Self.mismatch(key, "true or false", value) }
        return flag
    }

    /// A required, non-empty string.
    public func requiredString(_ key: String) throws(ChronoError) -> String {
        guard let text = try self.string(key) else { throw .invalidArgument("params.\(key): missing") }
        guard !text.allSatisfy(\.isWhitespace) else { throw .invalidArgument("params.\(key): must not be empty") }
        return text
    }

    /// An optional integer within `range`, or `defaultValue` when absent.
    public func int(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(ChronoError) -> Int {
        guard let value = self.raw(key) else { return defaultValue }
        guard case .int(let number) = value else { throw Self.mismatch(key, "an integer", value) }
        guard number >= range.lowerBound, number <= range.upperBound else {
            throw .invalidArgument(
                "params.\(key): must be between \(range.lowerBound) and \(range.upperBound), got \(number)"
            )
        }
        return Int(number)
    }

    /// An optional array of strings (empty when absent).
    public func strings(_ key: String) throws(ChronoError) -> [String] {
        guard let value = self.raw(key) else { return [] }
        guard case .array(let elements) = value else { throw Self.mismatch(key, "an array of strings", value) }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw .invalidArgument("params.\(key)[\(index)]: expected a string, got \(element.shortDescription)")
            }
            result.append(text)
        }
        return result
    }

    /// An optional string naming one case of `T`.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(ChronoError) -> T?
    where T.RawValue == String {
        guard let text = try self.string(key) else { return nil }
        guard let choice = T(rawValue: text) else {
            throw .invalidArgument("params.\(key): expected one of \(Self.names(T.self)), got \"\(text)\"")
        }
        return choice
    }

    /// An optional array of strings, each naming one case of `T`.
    public func choices<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(ChronoError) -> [T]
    where T.RawValue == String {
        var result: [T] = []
        for (index, text) in try self.strings(key).enumerated() {
            guard let choice = T(rawValue: text) else {
                let expected = Self.names(T.self)
                throw .invalidArgument("params.\(key)[\(index)]: expected one of \(expected), got \"\(text)\"")
            }
            result.append(choice)
        }
        return result
    }

    private static func names<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
