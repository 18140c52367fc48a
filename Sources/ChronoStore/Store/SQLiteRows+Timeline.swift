internal import ChronoGraph
internal import ChronoProtocol

extension SQLiteRows {
    func timelineKeys(_ request: TimelineKeyRequest) throws -> [TimelineKey] {
        var filters: [String] = []
        var values: [String: SQLiteValue] = [
            "lo": .integer(request.window.lower),
            "hi": .integer(request.window.upper),
            "clower": .integer(request.after.lower),
            "cprecision": .int(request.after.precision),
            "cid": .text(request.after.id),
            "limit": .int(request.limit + 1),
        ]
        if !request.types.isEmpty {
            filters.append(TimelineSQL.typeFilter)
            values["types"] = .jsonArray(request.types)
        }
        if let text = request.textMatches {
            filters.append(TimelineSQL.textFilter)
            values["text"] = .jsonArray(text)
        }
        for (index, set) in request.participantSets.enumerated() {
            filters.append(TimelineSQL.participantFilter(set: index))
            values["set\(index)"] = .jsonArray(set)
        }
        if request.excludingWithin { filters.append(TimelineSQL.notWithin) }
        func fetch(_ sql: String) throws -> [TimelineKey] {
            try self.connection.cached(sql).map(named: values) { row in
                TimelineKey(
                    key: row.int64(0),
                    cursor: TimelineCursor(lower: row.int64(1), precision: row.int(2), id: row.text(3))
                )
            }
        }
        // Events with an open start sort before every other event: when they alone fill the page (and its
        // look-ahead row), no span-class slice can add to it.
        var keys = [TimelineKey]()
        if request.mode == .overlaps, !request.filterDriven {
            values["open"] = .integer(Schema.openLower)
            keys = try fetch(TimelineSQL.openStart(filters: filters))
        }
        if keys.count <= request.limit {
            keys = try fetch(TimelineSQL.make(mode: request.mode, filterDriven: request.filterDriven, filters: filters))
        }
        return keys
    }
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
