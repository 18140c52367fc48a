public import ChronoProtocol

// The wire form of the results of the busiest queries, written straight to bytes (members sorted).

extension TimelineWindow: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("from")
        if let from = self.from { try from.write(to: &writer) } else { writer.null() }
        writer.key("lower")
        writer.string(self.lower?.iso)
        writer.key("mode")
        writer.string(self.mode.rawValue)
        writer.key("to")
        if let to = self.to { try to.write(to: &writer) } else { writer.null() }
        writer.key("upper")
        writer.string(self.upper?.iso)
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
        try writer.truncated(self.truncated)
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
        try writer.truncated(self.truncated)
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
