public import ChronoProtocol

/// The canonical byte form of a JSON value, the one `Tools/graph_merge.py` writes
/// (`json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`).
///
/// Keys are sorted by code point, there is no white space, non-ASCII text is written as UTF-8, and a
/// number with no fractional part is written as an integer, so the same record always has the same bytes.
public enum CanonicalJSON {
    /// The canonical text of `value`.
    public static func string(_ value: JSONValue) -> String {
        var output = ""
        self.write(value, to: &output)
        return output
    }

    private static func write(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += self.number(number)
        case .string(let text): self.write(text, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                self.write(element, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output += "," }
                self.write(key, to: &output)
                output += ":"
                self.write(members[key] ?? .null, to: &output)
            }
            output += "}"
        }
    }

    /// A finite double: integral values within 2^53 as integers, others in Swift's shortest round-trip form.
    private static func number(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 9_007_199_254_740_992 { return String(Int64(number)) }
        return "\(number)"
    }

    private static func write(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
