internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// The entity named by `text`, the one place where every method turns a typed name into an entity.
    ///
    /// Tried in order, the first step with any match deciding: the id; a name or alias equal after
    /// `NameNormalizer` (case, diacritics, punctuation); a name or alias equal after `NameVariants` (articles,
    /// the state suffix of official names, transliteration variants) or matching its initials; the ranked
    /// search over names and aliases, where a hit holding every word is used only when it clearly outranks
    /// the next or is the general entity the others are parts of (`mostGeneral`).
    ///
    /// - Throws: `AmbiguousEntityError` when a step finds several near-equal entities;
    ///   `UnknownEntityError` (with the nearest names) when none matches.
    func resolve(_ text: String, as role: EntityRole) throws -> EntityRef {
        if let ref = try self.ref(text) { return ref }
        let normalized = NameNormalizer.normalize(text)
        guard !normalized.isEmpty else { throw UnknownEntityError(role: role, name: text, suggestions: []) }
        let exact = try self.rows.entities(named: normalized).map(\.entity)
        if let ref = try self.decide(exact, role: role, text: text) { return ref }
        let key = NameVariants.key(normalized)
        var variants: Set<String> = []
        try self.rows.forEachName { entity, stored in
            if NameVariants.key(stored) == key || NameVariants.matchesWithInitials(typed: normalized, stored: stored) {
                variants.insert(entity)
            }
        }
        if let ref = try self.decide(variants.sorted(), role: role, text: text) { return ref }
        try self.context.check()
        let words = SearchWords.of(text).count
        let ranked = try self.textMatches(text, kinds: ["entity"], namesOnly: true, cap: 50)
        // A name is taken only when every word is in it and one at least as typed: a lone misspelt word
        // ("Atlantis") is a suggestion, not an answer.
        let complete = ranked.filter { $0.matched.count == words && $0.matchedAsTyped > 0 }
        let ids = complete.prefix(8).map(\.id)
        let refs = try self.refs(ids)
        if let best = complete.first, complete.count == 1 || best.relevance >= 1.5 * complete[1].relevance,
            let ref = refs[best.id]
        {
            return ref
        }
        if let general = Self.mostGeneral(ids.compactMap { refs[$0] }) { return general }
        if !complete.isEmpty {
            throw AmbiguousEntityError(role: role, name: text, candidates: ids.compactMap { refs[$0] })
        }
        let near = ranked.prefix(5).map(\.id)
        let nearRefs = try self.refs(near)
        throw UnknownEntityError(role: role, name: text, suggestions: near.compactMap { nearRefs[$0] })
    }

    /// The candidate whose name the names of all others contain, word for word, with more words: the general
    /// entity of which the others are parts ("Law on X" among "Article 15 of the Law on X"), or `nil`.
    static func mostGeneral(_ candidates: [EntityRef]) -> EntityRef? {
        let words = candidates.map { Set(NameVariants.significantWords(NameNormalizer.normalize($0.name))) }
        let general = candidates.indices.filter { index in
            candidates.indices.allSatisfy { other in
                other == index || (words[index].isSubset(of: words[other]) && words[index].count < words[other].count)
            }
        }
        return general.count == 1 ? candidates[general[0]] : nil
    }

    /// The one entity of `ids`, `nil` for none, or `AmbiguousEntityError` for several.
    private func decide(_ ids: [String], role: EntityRole, text: String) throws -> EntityRef? {
        guard !ids.isEmpty else { return nil }
        let refs = try self.refs(ids)
        guard ids.count == 1, let ref = refs[ids[0]] else {
            throw AmbiguousEntityError(role: role, name: text, candidates: ids.compactMap { refs[$0] })
        }
        return ref
    }

    /// Resolves each name of `texts`, the `i`th in the role `role(i)`.
    func resolveAll(_ texts: [String], as role: (Int) -> EntityRole) throws -> [EntityRef] {
        try texts.enumerated().map { index, text in try self.resolve(text, as: role(index)) }
    }
}
