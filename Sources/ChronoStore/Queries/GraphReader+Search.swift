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
            let dated = try self.datedOverlapping(matches, DayWindow(lower: lower, upper: upper))
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
        let summaries = try self.rows.summaries(ofEntities: kept.map(\.1.id))
        let results = kept.map { match, ref in
            SearchHit(entity: ref, summary: summaries[ref.id] ?? "", score: match.score, matched: match.how)
        }
        return SearchResults(results: results, revision: try self.revision())
    }

    /// The keys (`kind \0 id`) of the dated `matches` whose fuzzy dates meet the days `lower...upper`.
    private func datedOverlapping(_ matches: [TextMatch], _ window: DayWindow) throws -> Set<String> {
        var keys: Set<String> = []
        for kind in [RecordKind.event, .figure, .relation] {
            let ids = matches.filter { $0.kind == kind.rawValue }.map(\.id)
            guard !ids.isEmpty else { continue }
            for id in try self.rows.dated(kind, ids: ids, meeting: window) {
                keys.insert(kind.rawValue + "\u{0}" + id)
            }
        }
        return keys
    }

    /// The keys (`kind \0 id`) of the records citing document `doc` (a dispute through its claims).
    private func citing(_ doc: String) throws -> Set<String> {
        var keys: Set<String> = []
        for (kind, owner) in try self.rows.citingRecords(doc) {
            if kind == "claim", let hash = owner.lastIndex(of: "#") {
                keys.insert("dispute\u{0}" + owner[..<hash])
            } else {
                keys.insert(kind + "\u{0}" + owner)
            }
        }
        return keys
    }

    /// The hits of `matches` for the search `terms`, in order, with titles, dates, citations and snippets.
    private func hits(_ matches: [TextMatch], terms: [SearchTerm]) throws -> [RecordHit] {
        let snippets = try self.rows.snippets(matches.map(\.row).filter { $0 != 0 }, terms: terms)
        func ids(_ kind: String) -> [String] { matches.filter { $0.kind == kind }.map(\.id) }
        var details: [String: (title: String, entityKind: EntityKind?, date: DateValue?, citations: [Citation])] = [:]
        let entityCitations = try self.rows.citations(kind: "entity", owners: ids("entity"))
        for (id, ref) in try self.refs(ids("entity")) {
            details["entity\u{0}" + id] = (ref.name, ref.kind, nil, entityCitations[id] ?? [])
        }
        for event in try self.events(ids: ids("event")) {
            details["event\u{0}" + event.id] = (event.title, nil, event.date, event.citations)
        }
        for figure in try self.rows.figures(ids("figure")) {
            details["figure\u{0}" + figure.id] = (figure.measure, nil, figure.date, figure.citations)
        }
        for dispute in try self.rows.disputes(ids("dispute")) {
            details["dispute\u{0}" + dispute.id] = (dispute.topic, nil, nil, dispute.claims.flatMap(\.citations))
        }
        let edges = try self.rows.edges(ids("relation"))
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
}
