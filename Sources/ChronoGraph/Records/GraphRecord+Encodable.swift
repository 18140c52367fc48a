/// The `Graph/` line format: each record encodes exactly as `GraphRecordParser` reads it, with dates as
/// `{"edtf", "text"?}` (not the wire `DateValue`). Encode with sorted keys for canonical bytes.
extension GraphRecord: Encodable {
    private enum Key: String, CodingKey {
        case record, id, title, lines, kind, name, aliases, summary, attributes, number, dates, citations, type
        case date, participants, from, to, subject, topic, claims, measure, value, high, qualifier, unit
    }

    /// A date in the `Graph/` format.
    private struct StoredDate: Encodable {
        let edtf: String
        let text: String?

        init(_ date: DateValue) {
            self.edtf = date.edtf.edtf
            self.text = date.text
        }
    }

    /// A participant in the `Graph/` format.
    private struct StoredParticipant: Encodable {
        let entity: String
        let role: String
    }

    /// Encodes the record as one `Graph/` line's object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(self.kind, forKey: .record)
        try container.encode(self.id, forKey: .id)
        switch self {
        case .document(let document):
            try container.encode(document.title, forKey: .title)
            try container.encode(document.lines, forKey: .lines)
        case .entity(let entity):
            try container.encode(entity.kind, forKey: .kind)
            try container.encode(entity.name, forKey: .name)
            try container.encode(entity.aliases, forKey: .aliases)
            try container.encode(entity.summary, forKey: .summary)
            try container.encode(entity.attributes, forKey: .attributes)
            try container.encodeIfPresent(entity.number, forKey: .number)
            try container.encode(entity.dates.mapValues(StoredDate.init), forKey: .dates)
            try container.encode(entity.citations, forKey: .citations)
        case .event(let event):
            try container.encode(event.type, forKey: .type)
            try container.encode(event.title, forKey: .title)
            try container.encode(event.summary, forKey: .summary)
            try container.encode(StoredDate(event.date), forKey: .date)
            let participants = event.participants.map { StoredParticipant(entity: $0.entity, role: $0.role) }
            try container.encode(participants, forKey: .participants)
            try container.encode(event.citations, forKey: .citations)
        case .relation(let relation):
            try container.encode(relation.type, forKey: .type)
            try container.encode(relation.from, forKey: .from)
            try container.encode(relation.to, forKey: .to)
            try container.encodeIfPresent(relation.date.map(StoredDate.init), forKey: .date)
            try container.encodeIfPresent(relation.summary, forKey: .summary)
            try container.encode(relation.citations, forKey: .citations)
        case .dispute(let dispute):
            try container.encodeIfPresent(dispute.subject, forKey: .subject)
            try container.encode(dispute.topic, forKey: .topic)
            try container.encode(dispute.claims, forKey: .claims)
        case .figure(let figure):
            try container.encodeIfPresent(figure.subject, forKey: .subject)
            try container.encode(figure.measure, forKey: .measure)
            try container.encode(FigureValue(figure.value), forKey: .value)
            try container.encodeIfPresent(figure.high.map(FigureValue.init), forKey: .high)
            try container.encode(figure.qualifier, forKey: .qualifier)
            try container.encode(figure.unit, forKey: .unit)
            try container.encodeIfPresent(figure.date.map(StoredDate.init), forKey: .date)
            try container.encode(figure.citations, forKey: .citations)
        }
    }
}
