/// The position after a page of ranked search results, as an opaque base64url token.
///
/// Ranking is recomputed for every page, so a page boundary is an offset into the ranked list; records
/// written between two pages can shift it by their number.
struct SearchCursor: Hashable {
    /// How many ranked records came before the next page.
    var offset: Int

    var token: String { CursorToken.encode("s1|\(self.offset)") }

    init(offset: Int) {
        self.offset = offset
    }

    /// Decodes a token; any malformed token is `GraphError.invalidCursor`.
    init(token: String) throws(GraphError) {
        guard let text = CursorToken.decode(token, maximumLength: 64), text.hasPrefix("s1|"),
            let offset = Int(text.dropFirst(3)), offset >= 0
        else { throw .invalidCursor }
        self.init(offset: offset)
    }
}
