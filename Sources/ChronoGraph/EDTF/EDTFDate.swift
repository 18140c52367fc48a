/// A date in the Library of Congress Extended Date/Time Format (ISO 8601-2), levels 0 and 1.
///
/// Accepts `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (negative years with a leading `-`), unspecified trailing digits
/// (`199X`, `19XX`, `2004-XX`, `2004-05-XX`), seasons 21–24 (`2001-21` is spring), long years (`Y170000002`),
/// one qualifier at the end (`?` uncertain, `~` approximate, `%` both), and intervals `A/B` whose ends may
/// be open (`..`) or unknown (empty). A full date may carry a level 0 time (`2004-01-01T10:10:10Z`), which is
/// checked and ignored. Bounds are days; a missing bound (`nil`) is an open or unknown end.
public struct EDTFDate: Sendable, Hashable, CustomStringConvertible {
    /// Longest accepted input, in UTF-8 bytes.
    public static let maximumLength = 64

    /// The string as given.
    public let edtf: String
    /// The days the date certainly covers: an interval runs from its start's first to its end's last day.
    public let strict: DayRange
    /// The strict bounds, each end widened by one unit of its own precision when that end is qualified
    /// (`2007~` is 2006-01-01...2008-12-31). Always contains `strict`.
    public let fuzzy: DayRange
    /// The precision of the date, or of the coarser end of an interval.
    public let precision: DatePrecision
    /// Whether the date, or either end of an interval, is approximate (`~` or `%`).
    public let isApproximate: Bool
    /// Whether the date, or either end of an interval, is uncertain (`?` or `%`).
    public let isUncertain: Bool

    /// Parses `text`, or throws an error naming what is wrong and where.
    public init(_ text: String) throws(EDTFError) {
        let bytes = Array(text.utf8.prefix(Self.maximumLength + 1))
        guard !bytes.isEmpty else { throw .problem("empty date", in: text) }
        guard bytes.count <= Self.maximumLength else {
            throw .problem("date longer than \(Self.maximumLength) characters", in: text)
        }
        let slashes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") }
        switch slashes.count {
        case 0:
            let point = try EDTFPointParser(text: text, bytes: bytes, range: bytes.indices).parse()
            self.init(text: text, start: point, end: point)
        case 1:
            let slash = slashes[0]
            let start = try Self.intervalEnd(text: text, bytes: bytes, range: 0..<slash)
            let end = try Self.intervalEnd(text: text, bytes: bytes, range: slash + 1..<bytes.count)
            guard start != nil || end != nil else {
                throw .problem("an interval needs a date at one end at least", in: text)
            }
            if let start, let end, end.upper < start.lower {
                throw .problem("interval ends (\(end.upper.iso)) before it starts (\(start.lower.iso))", in: text)
            }
            self.init(text: text, start: start, end: end)
        default:
            throw .problem("more than one '/' (second at offset \(slashes[1]))", in: text)
        }
    }

    private init(text: String, start: EDTFPoint?, end: EDTFPoint?) {
        self.edtf = text
        self.strict = DayRange(lower: start?.lower, upper: end?.upper)
        self.fuzzy = DayRange(lower: start?.fuzzy.lower, upper: end?.fuzzy.upper)
        self.precision = max(start?.precision ?? .day, end?.precision ?? .day)
        let qualifiers = [start?.qualifier, end?.qualifier].compactMap { $0 }
        self.isApproximate = qualifiers.contains { $0.isApproximate }
        self.isUncertain = qualifiers.contains { $0.isUncertain }
    }

    /// One side of an interval: `nil` for an open (`..`) or unknown (empty) end.
    private static func intervalEnd(
        text: String,
        bytes: [UInt8],
        range: Range<Int>
    ) throws(EDTFError) -> EDTFPoint? {
        if range.isEmpty || bytes[range].elementsEqual("..".utf8) {
            return nil
        }
        return try EDTFPointParser(text: text, bytes: bytes, range: range).parse()
    }

    /// The string as given.
    public var description: String { self.edtf }
}
