public import ChronoGraph
public import ChronoProtocol

extension Params {
    /// An optional EDTF date; a bare integer is read as a year (`2007` is `"2007"`).
    public func date(_ key: String) throws(ChronoError) -> EDTFDate? {
        let text: String
        switch self.raw(key) {
        case nil: return nil
        case .int(let year)?: text = Self.yearText(year)
        case .string(let value)?: text = value
        case let other?:
            throw .invalidArgument("params.\(key): expected an EDTF date or a year, got \(other.shortDescription)")
        }
        do {
            return try EDTFDate(text)
        } catch {
            throw .invalidArgument("params.\(key): \(error.message)")
        }
    }

    /// A year as EDTF: four digits at least, `-` for years before 1 BCE.
    private static func yearText(_ year: Int64) -> String {
        let digits = String(year.magnitude)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return year < 0 ? "-" + padded : padded
    }
}
