internal import Foundation

/// The position after a page of ranked search results, as an opaque base64url token.
///
/// Ranking is recomputed for every page, so a page boundary is an offset into the ranked list; records
/// written between two pages can shift it by their number.
struct SearchCursor: Hashable {
    /// How many ranked records came before the next page.
    var offset: Int

    var token: String {
        Data("s1|\(self.offset)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(offset: Int) {
        self.offset = offset
    }

    /// Decodes a token; any malformed token is `GraphError.invalidCursor`.
    init(token: String) throws(GraphError) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 64, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("s1|"), let offset = Int(text.dropFirst(3)), offset >= 0
        else { throw .invalidCursor }
        self.init(offset: offset)
    }
}
