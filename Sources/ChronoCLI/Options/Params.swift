import ArgumentParser
import ChronoProtocol

/// Small conversions from option values to request params; absent values stay absent.
enum Params {
    /// A string list, or `nil` when empty.
    static func list(_ values: [String]) -> JSONValue? {
        values.isEmpty ? nil : .array(values.map(JSONValue.string))
    }

    /// An integer, or `nil` when not given.
    static func int(_ value: Int?) -> JSONValue? {
        value.map { .int(Int64($0)) }
    }
}

extension Params {
    /// Throws when an entity argument is blank.
    static func checkName(_ value: String, argument: String) throws {
        guard value.trimmingWhitespace.isEmpty else { return }
        throw ValidationError("\(argument): expected an entity id, name or alias, got an empty string")
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0-9.
    var isASCIIDigit: Bool { self.isASCII && self.isNumber }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
