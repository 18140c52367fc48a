/// A date given on the command line: an EDTF date (ISO 8601-2 levels 0 and 1) or a plain year.
///
/// Accepted: `2007`, `2007-03`, `2007-03-19`, a qualifier `?` `~` `%` at the end (`2007~`), unspecified
/// digits `X` (`199X`, `2004-XX`), seasons `21`–`24` as the month (`2007-21`), and `Y`-prefixed years
/// (`Y-170000`). Checked before any network I/O; the daemon reads the same syntax.
public struct EDTFDate: Sendable, Hashable, CustomStringConvertible {
    /// The date as typed.
    public let text: String

    /// Parses and checks `text`; the error says what part is wrong.
    public init(parsing text: String) throws(EDTFSyntaxError) {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw EDTFSyntaxError(text, "it is empty") }
        try Self.check(trimmed)
        self.text = trimmed
    }

    /// The date as typed.
    public var description: String { self.text }

    private static func check(_ text: String) throws(EDTFSyntaxError) {
        var body = Substring(text)
        if let last = body.last, "?~%".contains(last) {
            body = body.dropLast()
        }
        if body.hasPrefix("Y") {
            let digits = body.dropFirst().drop { $0 == "-" }
            guard digits.count > 4, digits.allSatisfy(\.isASCIIDigit) else {
                throw EDTFSyntaxError(text, "a Y-year needs more than four digits, as in Y170000")
            }
            return
        }
        let negative = body.hasPrefix("-")
        let parts = (negative ? body.dropFirst() : body).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else {
            throw EDTFSyntaxError(text, "expected YYYY, YYYY-MM or YYYY-MM-DD")
        }
        let year = parts[0]
        guard year.count == 4, year.allSatisfy({ $0.isASCIIDigit || $0 == "X" }) else {
            throw EDTFSyntaxError(text, "the year must be four digits (X for an unspecified digit), got \"\(year)\"")
        }
        if parts.count >= 2 {
            try self.checkMonth(parts[1], full: text, hasDay: parts.count == 3)
        }
        if parts.count == 3 {
            try self.checkDay(parts[2], month: parts[1], year: year, full: text)
        }
    }

    private static func checkMonth(_ month: Substring, full: String, hasDay: Bool) throws(EDTFSyntaxError) {
        guard month.count == 2, month.allSatisfy({ $0.isASCIIDigit || $0 == "X" }) else {
            throw EDTFSyntaxError(full, "the month must be two digits, got \"\(month)\"")
        }
        guard let value = Int(month) else { return }
        let isSeason = (21...24).contains(value) && !hasDay
        guard (1...12).contains(value) || isSeason else {
            throw EDTFSyntaxError(full, "month \(month) is out of range (01-12, or 21-24 for a season)")
        }
    }

    private static func checkDay(
        _ day: Substring,
        month: Substring,
        year: Substring,
        full: String
    ) throws(EDTFSyntaxError) {
        guard day.count == 2, day.allSatisfy({ $0.isASCIIDigit || $0 == "X" }) else {
            throw EDTFSyntaxError(full, "the day must be two digits, got \"\(day)\"")
        }
        guard let value = Int(day) else { return }
        let limit = Int(month).map { Self.daysIn(month: $0, year: Int(year)) } ?? 31
        guard (1...limit).contains(value) else {
            throw EDTFSyntaxError(full, "day \(day) is out of range for month \(month) (01-\(limit))")
        }
    }

    private static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A command-line date that is not EDTF.
public struct EDTFSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as typed.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    init(_ text: String, _ reason: String) {
        self.text = text
        self.reason = reason
    }

    /// The sentence ArgumentParser shows after "The value ... is invalid".
    public var description: String {
        "\"\(self.text)\" is not an EDTF date or year: \(self.reason) (examples: 2007, 2007-03, 2007-03-19, 2007~, 199X)"
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
