internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// The entity named by `text`, the one place where every method turns a typed name into an entity.
    ///
    /// Tried in order, the first step with any match deciding: the id; a name or alias equal after
    /// `NameNormalizer` (case, diacritics, punctuation); a name or alias equal after `NameVariants` (articles,
    /// the state suffix of official names, transliteration variants) or matching its initials; the ranked
    /// search over names and aliases, where the best hit is used only when it holds every word and clearly
    /// outranks the next.
    ///
    /// - Throws: `AmbiguousEntityError` when a step finds several near-equal entities;
    ///   `UnknownEntityError` (with the nearest names) when none matches.
    func resolve(_ text: String, field: String) throws -> EntityRef {
        if let ref = try self.ref(text) { return ref }
        let normalized = NameNormalizer.normalize(text)
        guard !normalized.isEmpty else { throw UnknownEntityError(field: field, name: text, suggestions: []) }
        let exact = try self.connection.cached("SELECT DISTINCT entity FROM aliases WHERE normalized = ? ORDER BY entity")
            .map([.text(normalized)]) { $0.text(0) }
        if let ref = try self.decide(exact, field: field, text: text) { return ref }
        let key = NameVariants.key(normalized)
        var variants: Set<String> = []
        try self.connection.cached("SELECT entity, normalized FROM aliases").run { row in
            let stored = row.text(1)
            if NameVariants.key(stored) == key || NameVariants.matchesWithInitials(typed: normalized, stored: stored) {
                variants.insert(row.text(0))
            }
        }
        if let ref = try self.decide(variants.sorted(), field: field, text: text) { return ref }
        try self.context.check()
        let words = SearchWords.of(text).count
        let ranked = try self.textMatches(text, kinds: ["entity"], namesOnly: true, cap: 50)
        let complete = ranked.filter { $0.matched.count == words }
        if let best = complete.first, complete.count == 1 || best.relevance >= 1.5 * complete[1].relevance {
            return try self.refs([best.id])[best.id] ?? { throw UnknownEntityError(field: field, name: text, suggestions: []) }()
        }
        if complete.count > 1 {
            let ids = complete.prefix(8).map(\.id)
            let refs = try self.refs(ids)
            throw AmbiguousEntityError(field: field, name: text, candidates: ids.compactMap { refs[$0] })
        }
        let near = ranked.prefix(5).map(\.id)
        let refs = try self.refs(near)
        throw UnknownEntityError(field: field, name: text, suggestions: near.compactMap { refs[$0] })
    }

    /// The one entity of `ids`, `nil` for none, or `AmbiguousEntityError` for several.
    private func decide(_ ids: [String], field: String, text: String) throws -> EntityRef? {
        guard !ids.isEmpty else { return nil }
        let refs = try self.refs(ids)
        guard ids.count == 1, let ref = refs[ids[0]] else {
            throw AmbiguousEntityError(field: field, name: text, candidates: ids.compactMap { refs[$0] })
        }
        return ref
    }

    /// Resolves each name of `texts`, naming `field[i]` in errors.
    func resolveAll(_ texts: [String], field: String) throws -> [EntityRef] {
        try texts.enumerated().map { index, text in try self.resolve(text, field: "\(field)[\(index)]") }
    }
}
