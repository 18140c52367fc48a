internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// The entity named by `text`: an id, or else a name or alias compared case- and diacritics-insensitively.
    ///
    /// - Throws: `NOT_FOUND` naming `field` when nothing matches; `AmbiguousEntityError` when several do.
    func resolve(_ text: String, field: String) throws -> EntityRef {
        if let ref = try self.ref(text) { return ref }
        let normalized = NameNormalizer.normalize(text)
        let candidates = try self.connection.cached(
            """
            SELECT DISTINCT e.id, e.kind, e.name FROM aliases a JOIN entities e ON e.id = a.entity
            WHERE a.normalized = ? ORDER BY e.id
            """
        ).map([.text(normalized)]) { row in
            EntityRef(id: row.text(0), kind: try Self.kind(row.text(1)), name: row.text(2))
        }
        guard !normalized.isEmpty, let first = candidates.first else {
            throw ChronoError.notFound("\(field): no entity with id, name or alias \"\(text)\"")
        }
        guard candidates.count == 1 else {
            throw AmbiguousEntityError(field: field, name: text, candidates: candidates)
        }
        return first
    }

    /// Resolves each name of `texts`, naming `field[i]` in errors.
    func resolveAll(_ texts: [String], field: String) throws -> [EntityRef] {
        try texts.enumerated().map { index, text in try self.resolve(text, field: "\(field)[\(index)]") }
    }
}
