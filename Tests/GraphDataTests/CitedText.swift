import Foundation

/// The text rules of `Graph/README.md` ("How citations are checked"), as `Tools/graph_lint.py` applies them.
enum CitedText {
    private static let folds: [Character: String] = [
        "ə": "e", "ı": "i", "ß": "ss", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "‘": "'", "’": "'",
        "‚": "'", "‛": "'", "`": "'", "´": "'", "“": "\"", "”": "\"", "„": "\"", "‟": "\"", "«": "\"", "»": "\"",
        "–": "-", "—": "-", "\u{00A0}": " ",
    ]

    /// Lowercased, letters and quotes folded, diacritics removed, white space collapsed and trimmed.
    static func normalize(_ text: String) -> String {
        let folded = text.lowercased().map { self.folds[$0] ?? String($0) }.joined()
        let stripped = String(
            String.UnicodeScalarView(
                folded.decomposedStringWithCompatibilityMapping.unicodeScalars.filter {
                    $0.properties.canonicalCombiningClass.rawValue == 0
                }
            )
        )
        return stripped.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Lines joined with spaces, a word hyphenated at a line end joined back together.
    static func joinLines(_ lines: some Sequence<String>) -> String {
        var out = ""
        for raw in lines {
            let line = String(raw.reversed().drop { $0.isWhitespace }.reversed())
            let rest = line.drop { $0.isWhitespace }
            let outTail = Array(out.suffix(2))
            if outTail.count == 2, outTail[1] == "-", self.isWordLetter(outTail[0]), let first = rest.first,
                self.isWordLetter(first)
            {
                out = String(out.dropLast()) + rest
            } else {
                out = out.isEmpty ? line : out + " " + line
            }
        }
        return out
    }

    private static func isWordLetter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
            || (scalar.value >= 0xC0 && scalar.value <= 0x24F)
    }

    /// Whether `text` holds `needle` with no ASCII digit right before or after it.
    static func containsNumber(_ text: String, _ forms: Set<String>) -> Bool {
        let haystack = Array(text.utf8)
        return forms.contains { form in
            let needle = Array(form.utf8)
            guard !needle.isEmpty, needle.count <= haystack.count else { return false }
            for start in 0...(haystack.count - needle.count)
            where haystack[start..<start + needle.count].elementsEqual(needle) {
                let before = start > 0 ? haystack[start - 1] : 0
                let after = start + needle.count < haystack.count ? haystack[start + needle.count] : 0
                if !(48...57).contains(before) && !(48...57).contains(after) { return true }
            }
            return false
        }
    }

    /// The ways a document may write `value`: with `,` ` ` `.` thousands separators, and in thousands.
    static func numberForms(_ value: Double) -> Set<String> {
        var forms = self.render(value)
        if abs(value) >= 1000 { forms.formUnion(self.render(((value / 1000) * 1e6).rounded() / 1e6)) }
        return forms
    }

    private static func render(_ value: Double) -> Set<String> {
        var out: Set<String> = []
        if value.rounded() == value, abs(value) < 9e15 {
            var digits = String(abs(Int64(value)))
            out.insert(digits)
            if abs(value) >= 1000 {
                var groups: [String] = []
                while !digits.isEmpty {
                    groups.insert(String(digits.suffix(3)), at: 0)
                    digits = String(digits.dropLast(3))
                }
                for separator in [",", " ", "."] { out.insert(groups.joined(separator: separator)) }
            }
        } else {
            var text = "\(value)"
            while text.hasSuffix("0") { text.removeLast() }
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            out.insert(text)
            if parts.count == 2 {
                out.insert(parts[0] + "," + parts[1])
                if let whole = Int64(parts[0]), whole >= 1000 {
                    for form in self.render(Double(whole)) { out.insert(form + "." + parts[1]) }
                }
            }
        }
        return out
    }

    /// The numbers written in a claim (`about 600,000` → 600000).
    static func numbers(in claim: String) -> [Double] {
        let pattern = try! NSRegularExpression(pattern: "[0-9][0-9,. ]*[0-9]|[0-9]")
        let range = NSRange(claim.startIndex..., in: claim)
        return pattern.matches(in: claim, range: range).flatMap { match -> [Double] in
            guard let range = Range(match.range, in: claim) else { return [] }
            let raw = claim[range].trimmingCharacters(in: .whitespaces)
            let candidates: Set<String> = [
                raw, raw.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: ""),
            ]
            return candidates.compactMap { candidate in
                candidate.contains(".") ? Double(candidate) : Int64(candidate).map(Double.init)
            }
        }
    }

    /// The four-digit years in `text`.
    static func years(in text: String) -> [Int] {
        let pattern = try! NSRegularExpression(pattern: "(?<![0-9])([0-9]{4})(?![0-9])")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            Range(match.range, in: text).flatMap { Int(text[$0]) }
        }
    }

    /// The year bounds of an EDTF value; an open end takes the closed end's year; `nil` when both are open.
    static func yearBounds(_ edtf: String) -> ClosedRange<Int>? {
        let parts =
            edtf.contains("/")
            ? edtf.split(separator: "/", omittingEmptySubsequences: false).map(String.init) : [edtf, edtf]
        func bounds(_ part: String) -> ClosedRange<Int>? {
            let digits = String(part.prefix(4))
            guard !part.hasPrefix("-"), digits.count == 4,
                digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X") }),
                let low = Int(digits.replacingOccurrences(of: "X", with: "0")),
                let high = Int(digits.replacingOccurrences(of: "X", with: "9"))
            else { return nil }
            return low...high
        }
        let low = bounds(parts[0])
        let high = bounds(parts.count > 1 ? parts[1] : parts[0])
        guard let lower = low ?? high, let upper = high ?? low else { return nil }
        return lower.lowerBound...upper.upperBound
    }
}
