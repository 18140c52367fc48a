/// A date as the graph states it: an EDTF date and, where given, the document's own words.
///
/// Encodes to the wire `DateValue` of `Protocol/PROTOCOL.md`, with strict and fuzzy bounds and precision.
public struct DateValue: Sendable, Hashable, Encodable {
    /// The parsed EDTF date.
    public var edtf: EDTFDate
    /// The document's words (`early 2007`), if any.
    public var text: String?

    /// Creates a date value.
    public init(edtf: EDTFDate, text: String? = nil) {
        self.edtf = edtf
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case edtf, text, lower, upper, precision, approximate, uncertain
        case fuzzyLower = "fuzzy_lower"
        case fuzzyUpper = "fuzzy_upper"
    }

    /// Encodes the wire form; open or unknown ends are `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.edtf.edtf, forKey: .edtf)
        try container.encodeIfPresent(self.text, forKey: .text)
        try container.encode(self.edtf.strict.lower?.iso, forKey: .lower)
        try container.encode(self.edtf.strict.upper?.iso, forKey: .upper)
        try container.encode(self.edtf.fuzzy.lower?.iso, forKey: .fuzzyLower)
        try container.encode(self.edtf.fuzzy.upper?.iso, forKey: .fuzzyUpper)
        try container.encode(self.edtf.precision, forKey: .precision)
        try container.encode(self.edtf.isApproximate, forKey: .approximate)
        try container.encode(self.edtf.isUncertain, forKey: .uncertain)
    }
}
