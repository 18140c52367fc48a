/// Breaks text into lines no longer than a width: at spaces where it can, inside words where it must.
enum TextWrapper {
    /// The lines of `text` (its own newlines kept), each at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                if !current.isEmpty && current.count + 1 + word.count <= width {
                    current += " " + word
                    continue
                }
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                while word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                current = String(word)
            }
            lines.append(current)
        }
        return lines
    }
}
