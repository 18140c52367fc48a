public import ChronoProtocol

// The wire form of the records inside every query result, written straight to bytes (members sorted).

extension EntityRef: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        self.members(to: &writer)
        writer.endObject()
    }

    /// The reference's members, `family`, `id`, `kind` and `name`, which an entity writes among its own (they
    /// sort together, between `dates` and `number`).
    func members(to writer: inout WireWriter) {
        writer.key("family")
        writer.string(self.family.rawValue)
        writer.key("id")
        writer.string(self.id)
        writer.key("kind")
        writer.string(self.kind.rawValue)
        writer.key("name")
        writer.string(self.name)
    }
}

extension Citation: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("doc")
        writer.string(self.doc)
        writer.key("lines")
        writer.beginArray()
        writer.int(self.first)
        writer.int(self.last)
        writer.endArray()
        if let ref = self.ref {
            writer.key("ref")
            writer.string(ref)
        }
        writer.endObject()
    }
}

extension DateValue: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("approximate")
        writer.bool(self.edtf.isApproximate)
        writer.key("edtf")
        writer.string(self.edtf.edtf)
        writer.key("fuzzy_lower")
        writer.string(self.edtf.fuzzy.lower)
        writer.key("fuzzy_upper")
        writer.string(self.edtf.fuzzy.upper)
        writer.key("lower")
        writer.string(self.edtf.strict.lower)
        writer.key("precision")
        writer.string(self.edtf.precision.rawValue)
        if let text = self.text {
            writer.key("text")
            writer.string(text)
        }
        writer.key("uncertain")
        writer.bool(self.edtf.isUncertain)
        writer.key("upper")
        writer.string(self.edtf.strict.upper)
        writer.endObject()
    }
}

extension RelationRecord: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("citations")
        try writer.array(self.citations)
        if let date = self.date {
            writer.key("date")
            try date.write(to: &writer)
        }
        writer.key("from")
        writer.string(self.from)
        writer.key("id")
        writer.string(self.id)
        if let summary = self.summary {
            writer.key("summary")
            writer.string(summary)
        }
        writer.key("to")
        writer.string(self.to)
        writer.key("type")
        writer.string(self.type)
        writer.endObject()
    }
}

extension Truncated: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("at")
        writer.string(self.at)
        writer.key("budget")
        writer.string(self.budget.rawValue)
        writer.key("limit")
        writer.int(self.limit)
        writer.endObject()
    }
}

extension Claim: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("citations")
        try writer.array(self.citations)
        writer.key("claim")
        writer.string(self.claim)
        writer.endObject()
    }
}

extension EntityRecord: WireEncodable {
    /// Writes the `EntityRef` fields and the entity's own in one object; `number` only when present.
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("aliases")
        try writer.array(self.aliases)
        writer.key("attributes")
        try writer.object(self.attributes)
        writer.key("citations")
        try writer.array(self.citations)
        writer.key("dates")
        try writer.object(self.dates)
        self.ref.members(to: &writer)
        if let number = self.number {
            writer.key("number")
            writer.string(number)
        }
        writer.key("summary")
        writer.string(self.summary)
        writer.endObject()
    }
}

extension WireWriter {
    /// Writes `day` in its ``Day/iso`` form, or `null` when nil.
    mutating func string(_ day: Day?) {
        guard let day else { return self.null() }
        day.withISO { self.string(utf8: $0) }
    }
}
