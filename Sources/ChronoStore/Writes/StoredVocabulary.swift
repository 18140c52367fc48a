internal import ChronoGraph

/// Reads the vocabulary the loader stored, so writes are validated against the same terms as the load.
enum StoredVocabulary {
    /// The vocabulary in the `vocabulary` table of `connection`.
    static func read(_ connection: Connection) throws -> Vocabulary {
        var kinds: [String: [String]] = [:]
        var relations: [String: String] = [:]
        var events: [String: String] = [:]
        var roles: [String] = []
        try connection.cached("SELECT section, term, meaning FROM vocabulary ORDER BY section, term").run { row in
            switch row.text(0) {
            case "entity_kinds": kinds[row.text(2), default: []].append(row.text(1))
            case "relation_types": relations[row.text(1)] = row.text(2)
            case "event_types": events[row.text(1)] = row.text(2)
            default: roles.append(row.text(1))
            }
        }
        return Vocabulary(entityKinds: kinds, relationTypes: relations, eventTypes: events, participantRoles: roles)
    }
}
