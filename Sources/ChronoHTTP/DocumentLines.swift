import ChronoProtocol
import Foundation

/// Reads cited lines from the documents' folder, in place: the daemon never copies a document, and a name
/// that is not a plain file name in that folder is refused.
struct DocumentLines: Sendable {
    /// Most lines answered at once.
    static let maximumLines = 400

    /// One numbered line.
    struct Line: WireEncodable, Sendable {
        var n: Int
        var text: String

        func write(to writer: inout WireWriter) {
            writer.beginObject()
            writer.key("n")
            writer.int(self.n)
            writer.key("text")
            writer.string(self.text)
            writer.endObject()
        }
    }

    /// The answer of `GET /v1/documents/lines`.
    struct Excerpt: WireEncodable, Sendable {
        var doc: String
        var from: Int
        var to: Int
        var lines: [Line]

        func write(to writer: inout WireWriter) throws {
            writer.beginObject()
            writer.key("doc")
            writer.string(self.doc)
            writer.key("from")
            writer.int(self.from)
            writer.key("lines")
            try writer.array(self.lines)
            writer.key("to")
            writer.int(self.to)
            writer.endObject()
        }
    }

    let folder: URL?

    /// Lines `from...to` (1-based, clipped to the document's end) of document `doc`.
    /// - Throws: `FAILED_PRECONDITION` without a folder; `INVALID_ARGUMENT` for a name that is not a plain
    ///   file name or a bad range; `NOT_FOUND` for a document not in the folder.
    func excerpt(doc: String, from: Int, to: Int) throws(ChronoError) -> Excerpt {
        guard let folder = self.folder else {
            throw .failedPrecondition(
                "no documents folder: start chronod with --documents DIR to show the cited lines"
            )
        }
        guard Self.isPlainFileName(doc) else {
            throw .invalidArgument("doc: expected a document file name, got \"\(doc)\"")
        }
        guard from >= 1, to >= from, to - from < Self.maximumLines else {
            throw .invalidArgument("from, to: expected 1 ≤ from ≤ to and at most \(Self.maximumLines) lines")
        }
        let file = folder.appendingPathComponent(doc, isDirectory: false)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .notFound("doc: \"\(doc)\" is not in the documents folder")
        }
        let text = String(decoding: data, as: UTF8.self)
        var all = text.split(separator: "\n", omittingEmptySubsequences: false)
        if all.last?.isEmpty == true { all.removeLast() }  // a final newline ends the last line, starts none
        let last = min(to, all.count)
        let lines = from > last ? [] : (from...last).map { Line(n: $0, text: String(all[$0 - 1])) }
        return Excerpt(doc: doc, from: from, to: last, lines: lines)
    }

    /// A name with no path in it: letters, digits, `.`, `_`, `-`, not starting with a dot.
    static func isPlainFileName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.utf8.count <= 255 else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "._-".unicodeScalars.contains(scalar))
        }
    }
}
