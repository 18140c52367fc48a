public import ChronoProtocol

// The wire form of the results of the busiest queries, written straight to bytes (members sorted).

extension TimelineWindow: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("from")
        try writer.optional(self.from)
        writer.key("lower")
        writer.string(self.lower)
        writer.key("mode")
        writer.string(self.mode.rawValue)
        writer.key("to")
        try writer.optional(self.to)
        writer.key("upper")
        writer.string(self.upper)
        writer.endObject()
    }
}

extension TimelinePage: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("events")
        try writer.array(self.events)
        if let cursor = self.nextCursor {
            writer.key("next_cursor")
            writer.string(cursor)
        }
        writer.key("ordering")
        writer.string(self.ordering)
        if !self.resolved.isEmpty {
            writer.key("resolved")
            try writer.array(self.resolved)
        }
        writer.key("window")
        try self.window.write(to: &writer)
        writer.endObject()
    }
}

extension Participant: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("entity")
        try self.entity.write(to: &writer)
        writer.key("role")
        writer.string(self.role)
        writer.endObject()
    }
}

extension Event: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("citations")
        try writer.array(self.record.citations)
        writer.key("date")
        try self.record.date.write(to: &writer)
        if let group = self.group {
            writer.key("group")
            writer.string(group.rawValue)
        }
        writer.key("id")
        writer.string(self.record.id)
        writer.key("participants")
        try writer.array(self.participants)
        writer.key("summary")
        writer.string(self.record.summary)
        writer.key("title")
        writer.string(self.record.title)
        writer.key("type")
        writer.string(self.record.type)
        writer.endObject()
    }
}

extension NeighborNode: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("depth")
        writer.int(self.depth)
        writer.key("entity")
        try self.entity.write(to: &writer)
        writer.endObject()
    }
}

extension Neighborhood: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("edges")
        try writer.array(self.edges)
        if let events = self.events {
            writer.key("events")
            try writer.array(events)
        }
        writer.key("nodes")
        try writer.array(self.nodes)
        writer.key("root")
        try self.root.write(to: &writer)
        writer.key("truncated")
        try writer.optional(self.truncated)
        writer.endObject()
    }
}

extension PathHop: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        if let edge = self.edge {
            writer.key("edge")
            try edge.write(to: &writer)
        }
        if let event = self.event {
            writer.key("event")
            try event.write(to: &writer)
        }
        writer.key("forward")
        writer.bool(self.forward)
        writer.endObject()
    }
}

extension GraphPath: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("hops")
        try writer.array(self.hops)
        writer.key("length")
        writer.int(self.length)
        writer.key("nodes")
        try writer.array(self.nodes)
        writer.endObject()
    }
}

extension PathsResult: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("paths")
        try writer.array(self.paths)
        writer.key("truncated")
        try writer.optional(self.truncated)
        writer.endObject()
    }
}

extension SearchHit: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("entity")
        try self.entity.write(to: &writer)
        writer.key("matched")
        writer.string(self.matched.rawValue)
        writer.key("score")
        try writer.double(self.score)
        writer.key("summary")
        writer.string(self.summary)
        writer.endObject()
    }
}

extension SearchResults: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("results")
        try writer.array(self.results)
        writer.endObject()
    }
}

extension RecordHit: WireEncodable {
    /// Writes the hit; `date` and `entity_kind` only when present.
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("citations")
        try writer.array(self.citations)
        if let date = self.date {
            writer.key("date")
            try date.write(to: &writer)
        }
        if let entityKind = self.entityKind {
            writer.key("entity_kind")
            writer.string(entityKind.rawValue)
        }
        writer.key("id")
        writer.string(self.id)
        writer.key("kind")
        writer.string(self.kind)
        writer.key("matched")
        try writer.array(self.matched)
        writer.key("score")
        try writer.double(self.score)
        writer.key("snippet")
        writer.string(self.snippet)
        writer.key("title")
        writer.string(self.title)
        writer.endObject()
    }
}

extension RecordSearchResults: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        if let cursor = self.nextCursor {
            writer.key("next_cursor")
            writer.string(cursor)
        }
        writer.key("results")
        try writer.array(self.results)
        writer.endObject()
    }
}

extension EntityDetail: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("entity")
        try self.entity.write(to: &writer)
        writer.key("events")
        try writer.array(self.events)
        writer.key("figures")
        try writer.array(self.figures)
        writer.key("neighbors")
        try writer.array(self.neighbors)
        writer.key("relations")
        try writer.array(self.relations)
        writer.endObject()
    }
}

extension Subgraph: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("edges")
        try writer.array(self.edges)
        writer.key("nodes")
        try writer.array(self.nodes)
        writer.key("truncated")
        try writer.optional(self.truncated)
        writer.endObject()
    }
}

extension Dispute: WireEncodable {
    /// Writes the dispute; `subject` is `null` when absent.
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("claims")
        try writer.array(self.claims)
        writer.key("id")
        writer.string(self.id)
        writer.key("subject")
        try writer.optional(self.subject)
        writer.key("topic")
        writer.string(self.topic)
        writer.endObject()
    }
}

extension Figure: WireEncodable {
    /// Writes the figure; `subject` is `null` when absent, `high` only for a range, `date` only when known, and
    /// an integral number as an integer.
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("citations")
        try writer.array(self.record.citations)
        if let date = self.record.date {
            writer.key("date")
            try date.write(to: &writer)
        }
        if let high = self.record.high {
            writer.key("high")
            try writer.double(high)
        }
        writer.key("id")
        writer.string(self.record.id)
        writer.key("measure")
        writer.string(self.record.measure)
        writer.key("qualifier")
        writer.string(self.record.qualifier.rawValue)
        writer.key("subject")
        try writer.optional(self.subject)
        writer.key("unit")
        writer.string(self.record.unit)
        writer.key("value")
        try writer.double(self.record.value)
        writer.endObject()
    }
}

extension DisputeList: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        try writer.listing("disputes", self.disputes, resolved: self.resolved)
    }
}

extension FigureList: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        try writer.listing("figures", self.figures, resolved: self.resolved)
    }
}

extension WireWriter {
    /// A listing: `{"<key>": items, "resolved"?}`, `resolved` only when a name was resolved. `key` must sort
    /// before `resolved`.
    fileprivate mutating func listing<Item: WireEncodable>(
        _ key: StaticString,
        _ items: [Item],
        resolved: [ResolvedName]
    ) throws {
        self.beginObject()
        self.key(key)
        try self.array(items)
        if !resolved.isEmpty {
            self.key("resolved")
            try self.array(resolved)
        }
        self.endObject()
    }
}

extension StatsCounts: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("actors")
        writer.int(self.actors)
        writer.key("citations")
        writer.int(self.citations)
        writer.key("disputes")
        writer.int(self.disputes)
        writer.key("documents")
        writer.int(self.documents)
        writer.key("entities")
        writer.int(self.entities)
        writer.key("events")
        writer.int(self.events)
        writer.key("figures")
        writer.int(self.figures)
        writer.key("instruments")
        writer.int(self.instruments)
        writer.key("relations")
        writer.int(self.relations)
        writer.endObject()
    }
}

extension Stats: WireEncodable {
    /// Writes the stats, `revision` included (its contract lists it).
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("by_document")
        try writer.object(self.byDocument)
        writer.key("by_kind")
        try writer.object(self.byKind)
        writer.key("counts")
        try self.counts.write(to: &writer)
        writer.key("revision")
        writer.int(self.revision)
        writer.key("schema_version")
        writer.int(self.schemaVersion)
        writer.endObject()
    }
}
