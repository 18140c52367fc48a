/// A small RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside quotes,
/// CRLF or LF record ends. Used to prove the CLI's CSV reads back as written.
enum CSVReader {
    /// A malformed document, with the character offset where reading failed.
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "CSV malformed at \(self.offset): \(self.reason)" }
    }

    /// The records of `text`, each a list of fields.
    static func read(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        let characters = Array(text.unicodeScalars)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inQuotes {
                if character == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else {
                switch character {
                case "\"":
                    guard field.isEmpty, !fieldWasQuoted else {
                        throw Malformed(offset: index, reason: "quote inside an unquoted field")
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                case ",":
                    record.append(field)
                    field = ""
                    fieldWasQuoted = false
                case "\r":
                    guard index + 1 < characters.count, characters[index + 1] == "\n" else {
                        throw Malformed(offset: index, reason: "bare CR")
                    }
                case "\n":
                    record.append(field)
                    records.append(record)
                    record = []
                    field = ""
                    fieldWasQuoted = false
                default:
                    guard !fieldWasQuoted else {
                        throw Malformed(offset: index, reason: "text after a closing quote")
                    }
                    field.unicodeScalars.append(character)
                }
            }
            index += 1
        }
        guard !inQuotes else { throw Malformed(offset: index, reason: "unterminated quote") }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
