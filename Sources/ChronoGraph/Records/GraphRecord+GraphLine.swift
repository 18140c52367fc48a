public import ChronoProtocol

/// The `Graph/` line format: each record is written exactly as `GraphRecordParser` reads it, members sorted,
/// with dates as `{"edtf", "text"?}` (not the wire `DateValue`) and absent optional members left out.
extension GraphRecord: WireEncodable {
    /// Writes the record as one `Graph/` line's object.
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        switch self {
        case .document(let document):
            self.identity(to: &writer)
            writer.key("lines")
            writer.int(document.lines)
            self.recordKind(to: &writer)
            writer.key("title")
            writer.string(document.title)
        case .entity(let entity):
            writer.key("aliases")
            try writer.array(entity.aliases)
            writer.key("attributes")
            try writer.object(entity.attributes)
            writer.key("citations")
            try writer.array(entity.citations)
            writer.key("dates")
            try writer.object(entity.dates.mapValues(StoredDate.init))
            self.identity(to: &writer)
            writer.key("kind")
            writer.string(entity.kind.rawValue)
            writer.key("name")
            writer.string(entity.name)
            if let number = entity.number {
                writer.key("number")
                writer.string(number)
            }
            self.recordKind(to: &writer)
            writer.key("summary")
            writer.string(entity.summary)
        case .event(let event):
            writer.key("citations")
            try writer.array(event.citations)
            writer.key("date")
            StoredDate(event.date).write(to: &writer)
            self.identity(to: &writer)
            writer.key("participants")
            writer.beginArray()
            for participant in event.participants {
                writer.beginObject()
                writer.key("entity")
                writer.string(participant.entity)
                writer.key("role")
                writer.string(participant.role)
                writer.endObject()
            }
            writer.endArray()
            self.recordKind(to: &writer)
            writer.key("summary")
            writer.string(event.summary)
            writer.key("title")
            writer.string(event.title)
            writer.key("type")
            writer.string(event.type)
        case .relation(let relation):
            writer.key("citations")
            try writer.array(relation.citations)
            if let date = relation.date {
                writer.key("date")
                StoredDate(date).write(to: &writer)
            }
            writer.key("from")
            writer.string(relation.from)
            self.identity(to: &writer)
            self.recordKind(to: &writer)
            if let summary = relation.summary {
                writer.key("summary")
                writer.string(summary)
            }
            writer.key("to")
            writer.string(relation.to)
            writer.key("type")
            writer.string(relation.type)
        case .dispute(let dispute):
            writer.key("claims")
            try writer.array(dispute.claims)
            self.identity(to: &writer)
            self.recordKind(to: &writer)
            if let subject = dispute.subject {
                writer.key("subject")
                writer.string(subject)
            }
            writer.key("topic")
            writer.string(dispute.topic)
        case .figure(let figure):
            writer.key("citations")
            try writer.array(figure.citations)
            if let date = figure.date {
                writer.key("date")
                StoredDate(date).write(to: &writer)
            }
            if let high = figure.high {
                writer.key("high")
                try writer.double(high)
            }
            self.identity(to: &writer)
            writer.key("measure")
            writer.string(figure.measure)
            writer.key("qualifier")
            writer.string(figure.qualifier.rawValue)
            self.recordKind(to: &writer)
            if let subject = figure.subject {
                writer.key("subject")
                writer.string(subject)
            }
            writer.key("unit")
            writer.string(figure.unit)
            writer.key("value")
            try writer.double(figure.value)
        }
        writer.endObject()
    }

    /// The `id` member.
    private func identity(to writer: inout WireWriter) {
        writer.key("id")
        writer.string(self.id)
    }

    /// The `record` member.
    private func recordKind(to writer: inout WireWriter) {
        writer.key("record")
        writer.string(self.kind.rawValue)
    }
}

/// A date in the `Graph/` format: `{"edtf", "text"?}`.
private struct StoredDate: WireEncodable {
    let date: DateValue

    init(_ date: DateValue) {
        self.date = date
    }

    func write(to writer: inout WireWriter) {
        writer.beginObject()
        writer.key("edtf")
        writer.string(self.date.edtf.edtf)
        if let text = self.date.text {
            writer.key("text")
            writer.string(text)
        }
        writer.endObject()
    }
}
