internal import Foundation

/// The forms under which a typed name still means a stored one: spelling variants of transliteration,
/// articles, the state suffix of official names, and initials.
///
/// Every rule applies to both sides, the typed name and the stored name or alias, so a rule can only make
/// two names meet, never change what a name means on its own. Input is `NameNormalizer`'s form.
public enum NameVariants {
    /// Words that do not distinguish one name from another.
    private static let fillers: Set<String> = ["the", "a", "an", "of"]
    /// Trailing words naming the state in official titles ("Ministry of Internal Affairs of the Republic of
    /// Azerbaijan"), after fillers are dropped; dropped only when something is left before them.
    private static let stateSuffixes: [[String]] = [
        ["republic", "azerbaijan"], ["azerbaijan", "republic"], ["azerbaijan"],
    ]
    /// Romanisations that vary for one sound, each replaced by the shortest form: Ilkham/Ilham (kh),
    /// Shahin/Şahin (sh, after folding ş→s), Aliyev/Aliev (iy), Yevlakh/Evlakh (ye); applied left to right.
    private static let digraphs: [(String, String)] = [
        ("kh", "h"), ("sh", "s"), ("ch", "c"), ("zh", "j"), ("gh", "g"), ("iy", "i"), ("yy", "y"), ("ye", "e"),
    ]

    /// The words of `normalized` with fillers and a state suffix dropped.
    public static func significantWords(_ normalized: String) -> [String] {
        var words = normalized.split(separator: " ").map(String.init).filter { !Self.fillers.contains($0) }
        if let suffix = Self.stateSuffixes.first(where: { Array(words.suffix($0.count)) == $0 }),
            words.count > suffix.count
        {
            words.removeLast(suffix.count)
        }
        return words
    }

    /// One word with transliteration variants folded and doubled letters collapsed (Mammadov → mamadov).
    public static func foldSpelling(_ word: String) -> String {
        var folded = word
        for (from, to) in Self.digraphs { folded = folded.replacingAll(from, with: to) }
        var result = ""
        for character in folded where character != result.last { result.append(character) }
        return result
    }

    /// The key two names share when they are variants of each other: significant words, spelling folded.
    public static func key(_ normalized: String) -> String {
        Self.significantWords(normalized).map(Self.foldSpelling).joined(separator: " ")
    }

    /// Whether `typed` names `stored` word for word, where a one-letter typed word may be the initial of the
    /// stored word ("I. Aliyev" and "Ilham Aliyev"); both in `NameNormalizer`'s form.
    public static func matchesWithInitials(typed: String, stored: String) -> Bool {
        let typedWords = Self.significantWords(typed)
        let storedWords = Self.significantWords(stored)
        guard typedWords.count == storedWords.count, typedWords.contains(where: { $0.count == 1 }) else {
            return false
        }
        return zip(typedWords, storedWords).allSatisfy { typed, stored in
            typed.count == 1 ? stored.hasPrefix(typed) : Self.foldSpelling(typed) == Self.foldSpelling(stored)
        }
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced, scanning left to right.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, self.contains(target) else { return self }
        return self.components(separatedBy: target).joined(separator: replacement)
    }
}
