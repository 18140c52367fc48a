internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// Ranked records of every kind for a text. See `GraphStore.search(_:deadline:)`.
    func search(_ query: RecordSearchQuery) throws -> RecordSearchResults {
        let offset = try query.cursor.map { (token) throws(GraphError) in try SearchCursor(token: token).offset } ?? 0
        let entityKinds = Set(query.kinds.compactMap(EntityKind.init(rawValue:)))
        var recordKinds = query.kinds.filter(RecordSearchQuery.recordKinds.contains)
        if !entityKinds.isEmpty { recordKinds.append("entity") }
        // Filters applied after ranking need the longer list; otherwise the page and one more suffice.
        let filtered = !entityKinds.isEmpty || query.from != nil || query.to != nil || query.doc != nil
        let terms = try self.searchTerms(SearchWords.of(query.text))
        var matches = try self.textMatches(
            query.text,
            terms: terms,
            kinds: recordKinds.isEmpty ? RecordSearchQuery.recordKinds : recordKinds,
            cap: filtered ? 500 : offset + query.limit + 1
        )
        if !entityKinds.isEmpty && !query.kinds.contains("entity") {
            let refs = try self.refs(matches.filter { $0.kind == "entity" }.map(\.id))
            matches.removeAll { $0.kind == "entity" && !(refs[$0.id].map { entityKinds.contains($0.kind) } ?? false) }
        }
        if query.from != nil || query.to != nil {
            let lower = query.from?.strict.lower.map { Int64($0.ordinal) } ?? Schema.openLower
            let upper = query.to?.strict.upper.map { Int64($0.ordinal) } ?? Schema.openUpper
            let dated = try self.datedOverlapping(matches, lower: lower, upper: upper)
            matches.removeAll { !dated.contains($0.kind + "\u{0}" + $0.id) }
        }
        if let doc = query.doc {
            let citing = try self.citing(doc)
            matches.removeAll { !citing.contains($0.kind + "\u{0}" + $0.id) }
        }
        try self.context.check()
        let page = Array(matches.dropFirst(offset).prefix(query.limit))
        let next = matches.count > offset + page.count ? SearchCursor(offset: offset + page.count).token : nil
        return RecordSearchResults(
            results: try self.hits(page, terms: terms),
            nextCursor: next,
            revision: try self.revision()
        )
    }

    /// Ranked entities for a text (`chrono.v1.Entity/Search`): the ranked search limited to entities.
    func search(_ query: SearchQuery) throws -> SearchResults {
        let matches = try self.textMatches(query.text, kinds: ["entity"], cap: query.kinds.isEmpty ? query.limit : 500)
        let refs = try self.refs(matches.map(\.id))
        let kinds = Set(query.kinds)
        let kept = matches.compactMap { match in
            refs[match.id].flatMap { kinds.isEmpty || kinds.contains($0.kind) ? (match, $0) : nil }
        }
        .prefix(query.limit)
        var summaries: [String: String] = [:]
        try self.connection.cached("SELECT id, summary FROM entities WHERE id IN (SELECT value FROM json_each(?))")
            .run([try Self.list(kept.map(\.1.id))]) { row in summaries[row.text(0)] = row.text(1) }
        let results = kept.map { match, ref in
            SearchHit(entity: ref, summary: summaries[ref.id] ?? "", score: match.score, matched: match.how)
        }
        return SearchResults(results: results, revision: try self.revision())
    }

    /// The keys (`kind \0 id`) of the dated `matches` whose fuzzy dates meet the days `lower...upper`.
    private func datedOverlapping(_ matches: [TextMatch], lower: Int64, upper: Int64) throws -> Set<String> {
        var keys: Set<String> = []
        for (kind, table) in [("event", "events"), ("figure", "figures"), ("relation", "relations")] {
            let ids = matches.filter { $0.kind == kind }.map(\.id)
            guard !ids.isEmpty else { continue }
            try self.connection.cached(
                """
                SELECT id FROM \(table) WHERE id IN (SELECT value FROM json_each(?1))
                AND fuzzy_lower IS NOT NULL AND fuzzy_lower <= ?3 AND fuzzy_upper >= ?2
                """
            ).run([try Self.list(ids), .integer(lower), .integer(upper)]) { row in
                keys.insert(kind + "\u{0}" + row.text(0))
            }
        }
        return keys
    }

    /// The keys (`kind \0 id`) of the records citing document `doc` (a dispute through its claims).
    private func citing(_ doc: String) throws -> Set<String> {
        var keys: Set<String> = []
        try self.connection.cached("SELECT DISTINCT owner_kind, owner FROM citations WHERE doc = ?").run([.text(doc)]) {
            row in
            let owner = row.text(1)
            if row.text(0) == "claim", let hash = owner.lastIndex(of: "#") {
                keys.insert("dispute\u{0}" + owner[..<hash])
            } else {
                keys.insert(row.text(0) + "\u{0}" + owner)
            }
        }
        return keys
    }

    /// The hits of `matches` for the search `terms`, in order, with titles, dates, citations and snippets.
    private func hits(_ matches: [TextMatch], terms: [SearchTerm]) throws -> [RecordHit] {
        let snippets = try self.snippets(matches.map(\.row).filter { $0 != 0 }, terms: terms)
        func ids(_ kind: String) -> [String] { matches.filter { $0.kind == kind }.map(\.id) }
        var details: [String: (title: String, entityKind: EntityKind?, date: DateValue?, citations: [Citation])] = [:]
        let entityCitations = try self.citations(kind: "entity", owners: ids("entity"))
        for (id, ref) in try self.refs(ids("entity")) {
            details["entity\u{0}" + id] = (ref.name, ref.kind, nil, entityCitations[id] ?? [])
        }
        for event in try self.events(ids: ids("event")) {
            details["event\u{0}" + event.id] = (event.title, nil, event.date, event.citations)
        }
        for figure in try self.figures(ids("figure")) {
            details["figure\u{0}" + figure.id] = (figure.measure, nil, figure.date, figure.citations)
        }
        for dispute in try self.disputes(ids("dispute")) {
            details["dispute\u{0}" + dispute.id] = (dispute.topic, nil, nil, dispute.claims.flatMap(\.citations))
        }
        let edges = try self.edges(ids("relation"))
        let ends = try self.refs(edges.flatMap { [$0.from, $0.to] })
        for edge in edges {
            let title = "\(ends[edge.from]?.name ?? edge.from) \(edge.type) \(ends[edge.to]?.name ?? edge.to)"
            details["relation\u{0}" + edge.id] = (title, nil, edge.date, edge.citations)
        }
        return matches.compactMap { match in
            details[match.kind + "\u{0}" + match.id].map { detail in
                RecordHit(
                    kind: match.kind,
                    id: match.id,
                    title: detail.title,
                    entityKind: detail.entityKind,
                    date: detail.date,
                    snippet: snippets[match.row] ?? "",
                    matched: match.matched,
                    score: match.score,
                    citations: detail.citations
                )
            }
        }
    }

    /// Events with the given ids, in the order given.
    func events(ids: [String]) throws -> [Event] {
        guard !ids.isEmpty else { return [] }
        var rowids: [String: Int64] = [:]
        try self.connection.cached("SELECT id, rowid FROM events WHERE id IN (SELECT value FROM json_each(?))")
            .run([try Self.list(ids)]) { row in rowids[row.text(0)] = row.int64(1) }
        return try self.events(rowids: ids.compactMap { rowids[$0] })
    }
}
