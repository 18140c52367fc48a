import ChronoProtocol
import Foundation

/// One case of the bad-input corpus (`Fixtures/bad_inputs.jsonl`): the bytes of one request line and the answer
/// the server must give.
///
/// The line is given as `line` (text), `base64` (arbitrary bytes) or `parts` (text pieces, each repeated
/// `times`, for lines too large to write out). The test adds the newline.
struct BadInputCase: Decodable, Sendable, CustomStringConvertible {
    /// A piece of a generated line: `text` (or `base64`) repeated `times` times.
    struct Part: Decodable, Sendable {
        var text: String?
        var base64: String?
        var times: Int?
    }

    /// What the case is about.
    var name: String
    var line: String?
    var base64: String?
    var parts: [Part]?
    /// The expected terminal status.
    var status: StatusCode
    /// The id the answer must carry (`null` for a line whose id cannot be read).
    var id: JSONValue
    /// A fragment the answer's message must contain, when given.
    var message: String?
    /// The line must be sent on its own connection, which the server then closes (lines over the cap).
    var alone: Bool?
    /// A known server bug this case shows: its checks are expected to fail until the bug is fixed.
    var knownIssue: String?

    private enum CodingKeys: String, CodingKey {
        case name, line, base64, parts, status, id, message, alone
        case knownIssue = "known_issue"
    }

    var description: String { self.name }

    /// The expected request id, or `nil` for an answer with `"id": null`.
    var expectedID: RequestID? { RequestID(self.id) }

    /// The line's bytes, without the newline.
    func bytes() throws -> [UInt8] {
        if let line = self.line { return Array(line.utf8) }
        if let base64 = self.base64 { return try Self.decode(base64: base64, case: self.name) }
        guard let parts = self.parts else { throw FixtureError(message: "\(self.name): no line, base64 or parts") }
        var bytes: [UInt8] = []
        for part in parts {
            let piece: [UInt8]
            if let text = part.text {
                piece = Array(text.utf8)
            } else if let base64 = part.base64 {
                piece = try Self.decode(base64: base64, case: self.name)
            } else {
                throw FixtureError(message: "\(self.name): a part has neither text nor base64")
            }
            bytes += Self.repeated(piece, times: part.times ?? 1)
        }
        return bytes
    }

    /// `piece` repeated `times` times, built by doubling (a few large copies rather than millions of small
    /// appends: the corpus holds lines of several megabytes, and the suite also runs under sanitizers).
    private static func repeated(_ piece: [UInt8], times: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(piece.count * times)
        var block = piece
        var remaining = times
        while remaining > 0 {
            if remaining & 1 == 1 { result += block }
            remaining >>= 1
            if remaining > 0 { block += block }
        }
        return result
    }

    private static func decode(base64: String, case name: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: base64) else { throw FixtureError(message: "\(name): bad base64") }
        return Array(data)
    }
}

/// A malformed corpus fixture.
struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { self.message }
}
