/// The words of a search text as the ranked search uses them: lowercased letter-and-digit runs, English
/// stop words and single letters dropped (unless nothing else is left), at most 12.
///
/// The last word is the one a person may still be typing: the search matches it as a prefix.
public enum SearchWords {
    /// Words that carry no topic; a question's "of", "the" and "what" do not narrow a search.
    public static let stopWords: Set<String> = [
        "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "between", "but", "by", "can", "did", "do", "does", "during", "each", "for", "from", "had",
        "has", "have", "how", "in", "into", "is", "it", "its", "many", "more", "most", "much", "of", "on", "or",
        "other", "over", "said", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these",
        "they", "this", "those", "to", "under", "up", "was", "were", "what", "when", "where", "which", "who",
        "whom", "why", "will", "with", "would",
    ]

    /// The search words of `text`, split where the index splits (`700,000` is `700` and `000`); single
    /// letters count as stop words.
    public static func of(_ text: String) -> [String] {
        let spaced = String(text.map { $0.isLetter || $0.isNumber ? $0 : " " })
        let all = NameNormalizer.normalize(spaced).split(separator: " ").map(String.init)
        let content = all.filter { $0.count > 1 && !Self.stopWords.contains($0) }
        return Array((content.isEmpty ? all : content).prefix(12))
    }

    /// The most edits a word of `length` characters may differ by and still count as a typo of a name:
    /// none under 5 characters, one for 5–8, two for longer words (as Meilisearch and Typesense allow).
    public static func typoBudget(length: Int) -> Int {
        switch length {
        case ..<5: 0
        case 5...8: 1
        default: 2
        }
    }
}
