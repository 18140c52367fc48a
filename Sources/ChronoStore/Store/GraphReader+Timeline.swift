internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// One page of the timeline. See `GraphStore.timeline(_:deadline:)`.
    func timeline(_ query: TimelineQuery) throws -> TimelinePage {
        try query.validate()
        let cursor = try query.cursor.map { (token) throws(ChronoError) in try TimelineCursor(token: token) } ?? .start
        try self.requireTerms(query.types, section: "event_types", field: "params.types")
        let actors = try self.resolveAll(query.actors, field: "params.actors").map(\.id)
        let instruments = try self.resolveAll(query.instruments, field: "params.instruments").map(\.id)
        var values: [String: SQLiteValue] = [
            "lo": .integer(query.from?.strict.lower.map { Int64($0.ordinal) } ?? Schema.openLower),
            "hi": .integer(query.to?.strict.upper.map { Int64($0.ordinal) } ?? Schema.openUpper),
            "clower": .integer(cursor.lower), "cprecision": .int(cursor.precision), "cid": .text(cursor.id),
            "limit": .int(query.limit + 1),
        ]
        var filters: [String] = []
        if !query.types.isEmpty {
            filters.append("type IN (SELECT value FROM json_each(:types))")
            values["types"] = try Self.list(query.types)
        }
        if let text = query.text {
            guard let match = FullTextQuery.make(text) else {
                throw ChronoError.invalidArgument("params.text: has no words to search for")
            }
            filters.append("id IN (SELECT owner FROM search WHERE search MATCH :text AND owner_kind = 'event')")
            values["text"] = .text(match)
        }
        let sets = [actors, instruments].filter { !$0.isEmpty }
        for (index, set) in sets.enumerated() {
            filters.append(
                "rowid IN (SELECT event FROM participants WHERE entity IN (SELECT value FROM json_each(:set\(index))))"
            )
            values["set\(index)"] = try Self.list(set)
        }
        let filterDriven = !sets.isEmpty || values["text"] != nil
        func fetch(_ sql: String) throws -> [(rowid: Int64, cursor: TimelineCursor)] {
            try self.connection.cached(sql).map(named: values) { row in
                (row.int64(0), TimelineCursor(lower: row.int64(1), precision: row.int(2), id: row.text(3)))
            }
        }
        // Events with an open start sort before every other event: when they alone fill the page (and its
        // look-ahead row), no span-class slice can add to it.
        var keys = [(rowid: Int64, cursor: TimelineCursor)]()
        if query.mode == .overlaps, !filterDriven {
            values["open"] = .integer(Schema.openLower)
            keys = try fetch(TimelineSQL.openStart(filters: filters))
        }
        if keys.count <= query.limit {
            keys = try fetch(TimelineSQL.make(mode: query.mode, filterDriven: filterDriven, filters: filters))
        }
        try self.context.check()
        let page = Array(keys.prefix(query.limit))
        let next = keys.count > query.limit ? page.last?.cursor.token : nil
        let window = TimelineWindow(
            from: query.from.map { DateValue(edtf: $0) },
            to: query.to.map { DateValue(edtf: $0) },
            lower: query.from?.strict.lower,
            upper: query.to?.strict.upper,
            mode: query.mode
        )
        return TimelinePage(
            window: window,
            events: try self.events(rowids: page.map(\.rowid)),
            nextCursor: next,
            revision: try self.revision()
        )
    }
}

/// The SQL of timeline pages, assembled only from the constant fragments below.
enum TimelineSQL {
    private static let order = "ORDER BY lower, precision, id"
    private static let after = "(lower, precision, id) > (:clower, :cprecision, :cid)"
    private static let overlaps = "fuzzy_lower <= :hi AND fuzzy_upper >= :lo"
    private static let within = "lower >= :lo AND upper <= :hi"

    /// The page's events among those with an open start (`lower = :open`), read in order from `events_order`.
    static func openStart(filters: [String]) -> String {
        let condition = (["lower = :open", Self.overlaps, Self.after] + filters).joined(separator: " AND ")
        return "SELECT rowid, lower, precision, id FROM events WHERE \(condition) \(Self.order) LIMIT :limit"
    }

    /// The statement for a mode and a set of filter fragments.
    ///
    /// Window-driven `overlaps` queries read each span class's slice of `events_span`: an event of class
    /// `c` spans at most `2^c` days, so it can only overlap the window if its lower bound lies within
    /// `2^c` days of it. Each slice is read in order and cut at the page size; the slices are merged.
    /// `within` queries range-scan `events_order`. Queries filtered by entity or text (`filterDriven`) start
    /// from the filter's matches (`participants`, the search index) and sort those.
    static func make(mode: TimelineMode, filterDriven: Bool, filters: [String]) -> String {
        let condition = ([mode == .overlaps ? Self.overlaps : Self.within, Self.after] + filters)
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
