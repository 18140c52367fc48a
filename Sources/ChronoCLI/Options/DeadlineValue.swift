/// A call deadline from the command line: milliseconds (`500`) or a duration (`500ms`, `5s`, `1.5s`, `2m`).
public struct DeadlineValue: Sendable, Hashable, CustomStringConvertible {
    /// The deadline in milliseconds.
    public let milliseconds: Int64

    /// The longest deadline accepted: one hour.
    public static let maximum: Int64 = 3_600_000

    /// The deadline used when none is given: 30 seconds.
    public static let standard = DeadlineValue(milliseconds: 30_000)

    private init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// Parses `500`, `500ms`, `5s`, `1.5s` or `2m`.
    public init(parsing text: String) throws(DeadlineSyntaxError) {
        let text = text.trimmingWhitespace.lowercased()
        let units: [(suffix: String, factor: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000)]
        var number = text
        var factor = 1.0
        for unit in units where text.hasSuffix(unit.suffix) {
            number = String(text.dropLast(unit.suffix.count))
            factor = unit.factor
            break
        }
        guard let value = Double(number), value.isFinite, value > 0 else {
            throw DeadlineSyntaxError(text: text)
        }
        let milliseconds = (value * factor).rounded(.up)
        guard milliseconds <= Double(Self.maximum) else {
            throw DeadlineSyntaxError(text: text)
        }
        self.milliseconds = Int64(milliseconds)
    }

    /// The deadline in milliseconds, as `500ms`.
    public var description: String { "\(self.milliseconds)ms" }
}

/// A deadline that is not a positive duration up to one hour.
public struct DeadlineSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as typed.
    public var text: String

    /// The sentence ArgumentParser shows after "The value ... is invalid".
    public var description: String {
        "\"\(self.text)\" is not a deadline: give milliseconds (500) or a duration (500ms, 5s, 2m), at most 1 hour"
    }
}
