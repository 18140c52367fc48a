package import ChronoGraph

extension GraphStore {
    /// Checks a batch of new records against the stored vocabulary and content, as the loader checks a
    /// whole graph: duplicate ids (same kind, in the batch or stored), unknown ids, vocabulary, citations.
    /// Nothing is written.
    ///
    /// - Throws: `GraphLoadError` naming the `file` and `line` of the first invalid record.
    public func validate(_ records: [LocatedRecord]) async throws {
        try await self.writer.run(deadline: nil) { connection, _ in
            try connection.read { connection in
                let vocabulary = try Self.vocabulary(connection)
                try GraphValidator(vocabulary: vocabulary).validate(
                    records,
                    against: StoredGraphContent(connection: connection)
                )
            }
        }
    }

    /// The vocabulary stored by the last load.
    static func vocabulary(_ connection: Connection) throws -> Vocabulary {
        Vocabulary(
            storedRows: try connection.cached("SELECT section, term, meaning FROM vocabulary").map {
                (section: $0.text(0), term: $0.text(1), meaning: $0.text(2))
            }
        )
    }
}

extension Vocabulary {
    /// The vocabulary held by the rows of a `vocabulary` table, in any order (the inverse of
    /// `GraphLoader.vocabularyRows`; entity kinds are listed in term order).
    package init(storedRows rows: [(section: String, term: String, meaning: String)]) {
        self.init(entityKinds: [:], relationTypes: [:], eventTypes: [:], participantRoles: [])
        for row in rows.sorted(by: { ($0.section, $0.term) < ($1.section, $1.term) }) {
            switch row.section {
            case "entity_kinds": self.entityKinds[row.meaning, default: []].append(row.term)
            case "relation_types": self.relationTypes[row.term] = row.meaning
            case "event_types": self.eventTypes[row.term] = row.meaning
            default: self.participantRoles.append(row.term)
            }
        }
    }
}
