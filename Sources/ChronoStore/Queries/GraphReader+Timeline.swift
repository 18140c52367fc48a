internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// One page of the timeline. See `GraphStore.timeline(_:deadline:)`.
    ///
    /// In `certain_first` mode the events certainly inside the window (`within`) come first, then those that
    /// only possibly overlap it, each group in timeline order; the cursor remembers the group it stopped in.
    func timeline(_ query: TimelineQuery) throws -> TimelinePage {
        let cursor = try query.cursor.map { (token) throws(GraphError) in try TimelineCursor(token: token) } ?? .start
        try self.requireTerms(query.types, in: .eventTypes)
        let actorRefs = try self.resolveAll(query.actors, as: EntityRole.actor)
        let instrumentRefs = try self.resolveAll(query.instruments, as: EntityRole.instrument)
        let actors = actorRefs.map(\.id)
        let instruments = instrumentRefs.map(\.id)
        var values: [String: SQLiteValue] = [
            "lo": .integer(query.from?.strict.lower.map { Int64($0.ordinal) } ?? Schema.openLower),
            "hi": .integer(query.to?.strict.upper.map { Int64($0.ordinal) } ?? Schema.openUpper),
        ]
        var filters: [String] = []
        if !query.types.isEmpty {
            filters.append(TimelineSQL.typeFilter)
            values["types"] = try Self.list(query.types)
        }
        if let text = query.text {
            guard !SearchWords.of(text).isEmpty else {
                throw GraphError.noSearchWords
            }
            filters.append(TimelineSQL.textFilter)
            values["text"] = try Self.list(try self.bestTier(text, kind: "event"))
        }
        let sets = [actors, instruments].filter { !$0.isEmpty }
        for (index, set) in sets.enumerated() {
            filters.append(TimelineSQL.participantFilter(set: index))
            values["set\(index)"] = try Self.list(set)
        }
        let filterDriven = !sets.isEmpty || values["text"] != nil
        /// Up to `limit + 1` keys of `mode` after `after` (the extra one tells whether more follow).
        func keys(_ mode: TimelineMode, _ extra: [String], after: TimelineCursor, limit: Int) throws -> [TimelineKey] {
            var values = values
            values["clower"] = .integer(after.lower)
            values["cprecision"] = .int(after.precision)
            values["cid"] = .text(after.id)
            values["limit"] = .int(limit + 1)
            func fetch(_ sql: String) throws -> [TimelineKey] {
                try self.connection.cached(sql).map(named: values) { row in
                    TimelineKey(
                        rowid: row.int64(0),
                        cursor: TimelineCursor(lower: row.int64(1), precision: row.int(2), id: row.text(3))
                    )
                }
            }
            // Events with an open start sort before every other event: when they alone fill the page (and its
            // look-ahead row), no span-class slice can add to it.
            var keys = [TimelineKey]()
            if mode == .overlaps, !filterDriven {
                values["open"] = .integer(Schema.openLower)
                keys = try fetch(TimelineSQL.openStart(filters: filters + extra))
            }
            if keys.count <= limit {
                keys = try fetch(TimelineSQL.make(mode: mode, filterDriven: filterDriven, filters: filters + extra))
            }
            return keys
        }
        var page: [TimelineKey]
        var more: Bool
        switch query.mode {
        case .overlaps, .within:
            page = try keys(query.mode, [], after: cursor, limit: query.limit)
            more = page.count > query.limit
        case .certainFirst:
            page = []
            if !cursor.possible {
                page = try keys(.within, [], after: cursor, limit: query.limit)
                for index in page.indices { page[index].cursor.possible = false }
            }
            if page.count <= query.limit {
                let remaining = query.limit - page.count
                var possible = try keys(
                    .overlaps,
                    [TimelineSQL.notWithin],
                    after: cursor.possible ? cursor : .start,
                    limit: remaining
                )
                for index in possible.indices { possible[index].cursor.possible = true }
                page += possible
            }
            more = page.count > query.limit
        }
        try self.context.check()
        page = Array(page.prefix(query.limit))
        let next = more ? page.last?.cursor.token : nil
        var events = try self.events(rowids: page.map(\.rowid))
        if query.mode == .certainFirst {
            let possible = Set(page.filter(\.cursor.possible).map(\.cursor.id))
            for index in events.indices {
                events[index].group = possible.contains(events[index].record.id) ? .possible : .certain
            }
        }
        let window = TimelineWindow(
            from: query.from.map { DateValue(edtf: $0) },
            to: query.to.map { DateValue(edtf: $0) },
            lower: query.from?.strict.lower,
            upper: query.to?.strict.upper,
            mode: query.mode
        )
        return TimelinePage(
            window: window,
            events: events,
            nextCursor: next,
            resolved: ResolvedName.listing(query.actors + query.instruments, as: actorRefs + instrumentRefs),
            revision: try self.revision()
        )
    }

    /// The ids of the records of `kind` holding the most words of `text` that any record holds, best first:
    /// a filter that falls back from all the words to fewer only when no record holds them all.
    func bestTier(_ text: String, kind: String) throws -> [String] {
        let matches = try self.textMatches(text, kinds: [kind])
        guard let most = matches.map(\.matched.count).max() else { return [] }
        return matches.filter { $0.matched.count == most }.map(\.id)
    }
}

/// An event's rowid with its place in the timeline.
struct TimelineKey {
    var rowid: Int64
    var cursor: TimelineCursor
}

/// The SQL of timeline pages, assembled only from the constant fragments below.
enum TimelineSQL {
    private static let order = "ORDER BY lower, precision, id"
    private static let after = "(lower, precision, id) > (:clower, :cprecision, :cid)"
    private static let overlaps = "fuzzy_lower <= :hi AND fuzzy_upper >= :lo"
    private static let within = "lower >= :lo AND upper <= :hi"
    /// Events not certainly inside the window: the second group of `certain_first`.
    static let notWithin = "NOT (\(within))"
    /// Events of one of the types in `:types` (a JSON array).
    static let typeFilter = "type IN (SELECT value FROM json_each(:types))"
    /// Events whose ids are in `:text` (a JSON array: the events the text search matched best).
    static let textFilter = "id IN (SELECT value FROM json_each(:text))"

    /// Events in which an entity of `:set<index>` (a JSON array of entity ids) takes part.
    static func participantFilter(set index: Int) -> String {
        "rowid IN (SELECT event FROM participants WHERE entity IN (SELECT value FROM json_each(:set\(index))))"
    }

    /// The page's events among those with an open start (`lower = :open`), read in order from `events_order`.
    static func openStart(filters: [String]) -> String {
        let condition = (["lower = :open", Self.overlaps, Self.after] + filters).joined(separator: " AND ")
        return "SELECT rowid, lower, precision, id FROM events WHERE \(condition) \(Self.order) LIMIT :limit"
    }

    /// The statement for a mode (`overlaps` or `within`) and a set of filter fragments.
    ///
    /// Window-driven `overlaps` queries read each span class's slice of `events_span`: an event of class
    /// `c` spans at most `2^c` days, so it can only overlap the window if its lower bound lies within
    /// `2^c` days of it. Each slice is read in order and cut at the page size; the slices are merged.
    /// `within` queries range-scan `events_order`. Queries filtered by entity or text (`filterDriven`) start
    /// from the filter's matches (`participants`, the search index) and sort those.
    static func make(mode: TimelineMode, filterDriven: Bool, filters: [String]) -> String {
        let condition = ([mode == .within ? Self.within : Self.overlaps, Self.after] + filters)
            .joined(separator: " AND ")
        let columns = "SELECT rowid, lower, precision, id FROM events"
        if filterDriven || mode == .within {
            let range = mode == .within && !filterDriven ? "lower BETWEEN :lo AND :hi AND " : ""
            return "\(columns) WHERE \(range)\(condition) \(Self.order) LIMIT :limit"
        }
        let slices = Schema.spanClasses.map { spanClass in
            let reach = Int64(1) << spanClass
            return """
                SELECT * FROM (\(columns) WHERE span_class = \(spanClass) \
                AND lower BETWEEN :lo - \(reach) AND :hi + \(reach) AND \(condition) \(Self.order) LIMIT :limit)
                """
        }
        return slices.joined(separator: " UNION ALL ") + " \(Self.order) LIMIT :limit"
    }
}
