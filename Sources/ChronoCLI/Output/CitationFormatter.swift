public import ChronoProtocol

/// Writes citations as `doc:line` or `doc:first-last`.
///
/// `doc` is the document's 3-digit prefix (`002` for `002_ad439a7acad4c436.txt`) when no other document
/// cited in the same output shares that prefix; otherwise it is the file name without `.txt`.
public struct CitationFormatter: Sendable {
    private let labels: [String: String]

    /// Creates a formatter for the documents cited anywhere in `value` (searched recursively).
    public init(scanning value: JSONValue) {
        var documents = Set<String>()
        Self.collectDocuments(in: value, into: &documents)
        self.init(documents: documents)
    }

    /// Creates a formatter for this set of document file names.
    public init(documents: Set<String>) {
        let stems = documents.map(Self.stem)
        var prefixCounts: [String: Int] = [:]
        for stem in Set(stems) {
            if let prefix = Self.numericPrefix(stem) {
                prefixCounts[prefix, default: 0] += 1
            }
        }
        var labels: [String: String] = [:]
        for document in documents {
            let stem = Self.stem(document)
            if let prefix = Self.numericPrefix(stem), prefixCounts[prefix] == 1 {
                labels[document] = prefix
            } else {
                labels[document] = stem
            }
        }
        self.labels = labels
    }

    /// One citation: `002:120-122`.
    public func format(_ citation: JSONValue) -> String {
        let document = citation.text("doc")
        let label = self.labels[document] ?? Self.stem(document)
        let lines = citation.list("lines").compactMap(\.intValue)
        guard let first = lines.first else { return label }
        let last = lines.last ?? first
        return first == last ? "\(label):\(first)" : "\(label):\(first)-\(last)"
    }

    /// A list of citations joined with `, `.
    public func format(list citations: [JSONValue]) -> String {
        citations.map(self.format).joined(separator: ", ")
    }

    private static func stem(_ document: String) -> String {
        document.hasSuffix(".txt") ? String(document.dropLast(4)) : document
    }

    private static func numericPrefix(_ stem: String) -> String? {
        let characters = Array(stem)
        guard characters.count > 4, characters[3] == "_", characters[0..<3].allSatisfy(\.isASCII),
            characters[0..<3].allSatisfy(\.isNumber)
        else { return nil }
        return String(characters[0..<3])
    }

    private static func collectDocuments(in value: JSONValue, into documents: inout Set<String>) {
        switch value {
        case .object(let members):
            if let document = members["doc"]?.stringValue, members["lines"] != nil {
                documents.insert(document)
            }
            for member in members.values {
                self.collectDocuments(in: member, into: &documents)
            }
        case .array(let elements):
            for element in elements {
                self.collectDocuments(in: element, into: &documents)
            }
        default:
            break
        }
    }
}
