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
        var request = TimelineKeyRequest(
            mode: .overlaps,
            window: DayWindow(
                lower: query.from?.strict.lower.map { Int64($0.ordinal) } ?? Schema.openLower,
                upper: query.to?.strict.upper.map { Int64($0.ordinal) } ?? Schema.openUpper
            ),
            types: query.types,
            textMatches: nil,
            participantSets: [actors, instruments].filter { !$0.isEmpty },
            excludingWithin: false,
            after: .start,
            limit: 0
        )
        if let text = query.text {
            guard !SearchWords.of(text).isEmpty else {
                throw GraphError.noSearchWords
            }
            request.textMatches = try self.bestTier(text, kind: "event")
        }
        /// Up to `limit + 1` keys of `mode` after `after` (the extra one tells whether more follow).
        func keys(
            _ mode: TimelineMode,
            excludingWithin: Bool = false,
            after: TimelineCursor,
            limit: Int
        ) throws
            -> [TimelineKey]
        {
            var request = request
            request.mode = mode
            request.excludingWithin = excludingWithin
            request.after = after
            request.limit = limit
            return try self.rows.timelineKeys(request)
        }
        var page: [TimelineKey]
        var more: Bool
        switch query.mode {
        case .overlaps, .within:
            page = try keys(query.mode, after: cursor, limit: query.limit)
            more = page.count > query.limit
        case .certainFirst:
            page = []
            if !cursor.possible {
                page = try keys(.within, after: cursor, limit: query.limit)
                for index in page.indices { page[index].cursor.possible = false }
            }
            if page.count <= query.limit {
                let remaining = query.limit - page.count
                var possible = try keys(
                    .overlaps,
                    excludingWithin: true,
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
        var events = try self.rows.events(keys: page.map(\.key))
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

/// An event's storage key with its place in the timeline.
package struct TimelineKey {
    package var key: Int64
    package var cursor: TimelineCursor

    package init(key: Int64, cursor: TimelineCursor) {
        self.key = key
        self.cursor = cursor
    }
}
