internal import ChronoGraph

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
        var vocabulary = Vocabulary(entityKinds: [:], relationTypes: [:], eventTypes: [:], participantRoles: [])
        try connection.cached("SELECT section, term, meaning FROM vocabulary ORDER BY section, term").run { row in
            switch row.text(0) {
            case "entity_kinds": vocabulary.entityKinds[row.text(2), default: []].append(row.text(1))
            case "relation_types": vocabulary.relationTypes[row.text(1)] = row.text(2)
            case "event_types": vocabulary.eventTypes[row.text(1)] = row.text(2)
            default: vocabulary.participantRoles.append(row.text(1))
            }
        }
        return vocabulary
    }
}
