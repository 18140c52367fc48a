import ChronoProtocol

/// Short texts shared by the presenters: entity labels, participant lists, numbers.
enum EntityLabel {
    /// `Name (kind)` for an `EntityRef`, or its id when it has no name.
    static func text(_ entity: JSONValue?) -> String {
        guard let entity else { return "" }
        let name = entity.text("name").isEmpty ? entity.text("id") : entity.text("name")
        let kind = entity.text("kind")
        return kind.isEmpty ? name : "\(name) (\(kind))"
    }

    /// The names of an event's participants, joined with `, `.
    static func participants(_ event: JSONValue) -> String {
        event.list("participants").map { participant in
            let entity = participant["entity"] ?? .null
            return entity.text("name").isEmpty ? entity.text("id") : entity.text("name")
        }.joined(separator: ", ")
    }

    /// A number with thousands grouped by commas: `44000` → `44,000`, `1432.6` → `1,432.6`.
    static func number(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        let text = value.scalarText
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first, whole.allSatisfy(\.isASCIIDigit) else { return text }
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 {
                grouped += ","
            }
            grouped.append(digit)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction
    }

    /// One line per name of the query that was read as an entity (`resolved`): `"President Aliyev" is Ilham
    /// Aliyev (person, ilham-aliyev)`.
    static func resolutions(_ result: JSONValue) -> [String] {
        result.list("resolved").map { resolution in
            let entity = resolution["entity"] ?? .null
            let entityLabel = "\(entity.text("name")) (\(entity.text("kind")), \(entity.text("id")))"
            return "\"\(resolution.text("given"))\" is \(entityLabel)"
        }
    }

    /// The `truncated` member of a graph result as a sentence, or `nil` when nothing was cut.
    static func truncation(_ result: JSONValue) -> String? {
        guard let truncated = result["truncated"], truncated != .null else { return nil }
        var sentence = "result truncated: the \(truncated.text("budget")) budget"
        if let limit = truncated["limit"] {
            sentence += " (\(limit.scalarText))"
        }
        sentence += " was reached"
        if !truncated.text("at").isEmpty {
            sentence += " at \(truncated.text("at"))"
        }
        return sentence
    }
}
