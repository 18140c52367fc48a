public import ChronoProtocol

/// Shows a `DateValue` with its uncertainty as the document wrote it: `early 2007 (2007~)`.
public enum DateDisplay {
    /// The document's words followed by the EDTF form, or the EDTF form alone when there are no words.
    public static func text(_ date: JSONValue?) -> String {
        guard let date, let edtf = date["edtf"]?.stringValue else { return "" }
        let words = date.text("text")
        if words.isEmpty || words == edtf {
            return edtf
        }
        return "\(words) (\(edtf))"
    }
}
