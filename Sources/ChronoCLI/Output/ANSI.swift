/// The few ANSI styles `chrono` uses on a colour terminal.
enum ANSI {
    /// Bold text.
    static func bold(_ text: String) -> String { "\u{1B}[1m\(text)\u{1B}[0m" }
    /// Dim text, for ids and citations.
    static func dim(_ text: String) -> String { "\u{1B}[2m\(text)\u{1B}[0m" }
    /// Cyan text, for relation names.
    static func cyan(_ text: String) -> String { "\u{1B}[36m\(text)\u{1B}[0m" }
}
