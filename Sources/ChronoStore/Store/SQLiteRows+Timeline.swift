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
        guard request.mode == .overlaps, !request.filterDriven else {
            return try fetch(TimelineSQL.make(mode: request.mode, filterDriven: request.filterDriven, filters: filters))
        }
        // Events with an open start sort before every other event: when they alone fill the page (and its
        // look-ahead row), no span-class slice can add to it.
        values["open"] = .integer(Schema.openLower)
        let open = try fetch(TimelineSQL.openStart(filters: filters))
        guard open.count <= request.limit else { return open }
        // One slice per span class present (found by a skip-scan of `events_span`), each read in order and cut
        // at the page size, merged here: one compound statement of every class merged the slices through
        // SQLite's coroutines at several times the cost, most of it for the classes no event has.
        var keys: [TimelineKey] = []
        var spanClass: Int64 = -1
        let nextClass = try self.connection.cached(TimelineSQL.nextSpanClass)
        let slice = TimelineSQL.spanSlice(filters: filters)
        while let present = try nextClass.first([.integer(spanClass)], { $0.int64(0) }) {
            spanClass = present
            values["class"] = .integer(present)
            values["reach"] = .integer(Int64(1) << present)
            keys += try fetch(slice)
        }
        keys.sort { $0.cursor.precedes($1.cursor) }
        return Array(keys.prefix(request.limit + 1))
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

    /// The first span class present after `?1` (a skip-scan step over `events_span`).
    static let nextSpanClass = "SELECT span_class FROM events WHERE span_class > ?1 ORDER BY span_class LIMIT 1"

    /// The page's events of span class `:class` overlapping the window, in order.
    ///
    /// An event of class `c` spans at most `2^c` days (`:reach`), so it can only overlap the window if its
    /// lower bound lies within `2^c` days of it: the slice is one bounded range of `events_span`.
    static func spanSlice(filters: [String]) -> String {
        let condition =
            ([
                "span_class = :class", "lower BETWEEN :lo - :reach AND :hi + :reach", Self.overlaps,
                Self.after,
            ] + filters).joined(separator: " AND ")
        return "SELECT rowid, lower, precision, id FROM events WHERE \(condition) \(Self.order) LIMIT :limit"
    }

    /// The statement for `within` queries (a range scan of `events_order`) and for queries filtered by entity
    /// or text (`filterDriven`), which start from the filter's matches (`participants`, the search index) and
    /// sort those. Window-driven `overlaps` queries read span-class slices instead (`spanSlice`).
    static func make(mode: TimelineMode, filterDriven: Bool, filters: [String]) -> String {
        precondition(filterDriven || mode == .within, "window-driven overlaps pages read span-class slices")
        let condition = ([mode == .within ? Self.within : Self.overlaps, Self.after] + filters)
            .joined(separator: " AND ")
        let range = mode == .within && !filterDriven ? "lower BETWEEN :lo AND :hi AND " : ""
        return "SELECT rowid, lower, precision, id FROM events WHERE \(range)\(condition) \(Self.order) LIMIT :limit"
    }
}
