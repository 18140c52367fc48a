/// A date as the graph states it: an EDTF date and, where given, the document's own words.
///
/// Encodes to the wire `DateValue` of `Protocol/PROTOCOL.md`, with strict and fuzzy bounds and precision.
public struct DateValue: Sendable, Hashable {
    /// The parsed EDTF date.
    public var edtf: EDTFDate
    /// The document's words (`early 2007`), if any.
    public var text: String?

    /// Creates a date value.
    public init(edtf: EDTFDate, text: String? = nil) {
        self.edtf = edtf
        self.text = text
    }
}
