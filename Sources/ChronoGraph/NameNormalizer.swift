internal import Foundation

/// The normalized form of names and aliases used for exact, case- and diacritics-insensitive lookup.
///
/// Lowercased, diacritics folded (`ə`→`e`, `ç`→`c`), quotes and punctuation stripped, `-` `/` `_` read
/// as spaces, runs of white space collapsed: `Law "On Immigration"` and `law on immigration` are equal.
public enum NameNormalizer {
    /// Letters that have no Unicode decomposition but are folded by hand.
    private static let extraFolds: [Character: String] = [
        "ə": "e", "ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ħ": "h",
    ]

    /// Returns the normalized form of `text`.
    public static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingSpace = false
        for character in folded {
            let mapped = self.extraFolds[character] ?? String(character)
            for scalar in mapped.unicodeScalars {
                if CharacterSet.alphanumerics.contains(scalar) {
                    if pendingSpace && !result.isEmpty { result.append(" ") }
                    pendingSpace = false
                    result.unicodeScalars.append(scalar)
                } else if CharacterSet.whitespacesAndNewlines.contains(scalar) || "-/_".unicodeScalars.contains(scalar)
                {
                    pendingSpace = true
                }
            }
        }
        return result
    }
}
