public import ChronoProtocol

extension JSONObjectReader {
    /// An optional EDTF date; a bare integer is read as a year (`2007` is `"2007"`).
    public mutating func date(_ key: String) throws(JSONFieldError) -> EDTFDate? {
        let text: String
        switch self.optional(key) {
        case nil: return nil
        case .int(let year)?: text = Self.yearText(year)
        case .string(let value)?: text = value
        case let other?:
            throw JSONFieldError(
                path: self.pathOf(key),
                message: "expected an EDTF date or a year, got \(other.shortDescription)"
            )
        }
        do {
            return try EDTFDate(text)
        } catch {
            throw JSONFieldError(path: self.pathOf(key), message: error.message)
        }
    }

    /// A year as EDTF: four digits at least, `-` for years before 1 BCE.
    private static func yearText(_ year: Int64) -> String {
        let digits = String(year.magnitude)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return year < 0 ? "-" + padded : padded
    }
}

extension JSONObjectReader {
    /// Throws at `to` when the window `from`…`to` ends before it starts (by their strict bounds).
    public func checkWindow(from: EDTFDate?, to: EDTFDate?) throws(JSONFieldError) {
        if let lower = from?.strict.lower, let upper = to?.strict.upper, lower > upper {
            throw JSONFieldError(
                path: self.pathOf("to"),
                message: "window ends (\(upper.iso)) before it starts (\(lower.iso))"
            )
        }
    }
}
