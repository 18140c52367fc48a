public import ChronoGraph

/// Checks a batch of records against the vocabulary, each other and the records already stored.
///
/// Reports the first problem as a `GraphLoadError` naming the record's file, line and field path:
/// a duplicate id (same kind), an unknown id, a type or role outside the vocabulary, a fact without a
/// citation, a citation to a document or line that does not exist.
public struct GraphValidator: Sendable {
    /// The vocabulary records must use.
    public let vocabulary: Vocabulary

    /// Creates a validator for `vocabulary`.
    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    package func validate(_ batch: [LocatedRecord], against stored: some GraphContent) throws {
        var seen: Set<RecordKey> = []
        var documents: [String: Int] = [:]
        for located in batch {
            guard seen.insert(RecordKey(kind: located.record.kind, id: located.record.id)).inserted,
                try !stored.contains(kind: located.record.kind, id: located.record.id)
            else {
                throw self.error(located, "id: duplicate \(located.record.kind) id \"\(located.record.id)\"")
            }
            if case .document(let document) = located.record { documents[document.id] = document.lines }
        }
        let known = { (kind: RecordKind, id: String) throws -> Bool in
            seen.contains(RecordKey(kind: kind, id: id)) ? true : try stored.contains(kind: kind, id: id)
        }
        let lines = { (id: String) throws -> Int? in try documents[id] ?? stored.documentLines(id) }
        for located in batch {
            if let message = try self.problem(located.record, known: known, lines: lines) {
                throw self.error(located, message)
            }
        }
    }

    /// The error naming `located`'s file and line.
    func error(_ located: LocatedRecord, _ message: String) -> GraphLoadError {
        GraphLoadError(located.origin, message: message)
    }

    /// The first problem with `record`, in field order, or `nil`; `known` and `lines` look up references.
    func problem(
        _ record: GraphRecord,
        known: (RecordKind, String) throws -> Bool,
        lines: (String) throws -> Int?
    ) throws -> String? {
        switch record {
        case .document:
            return nil
        case .entity(let entity):
            guard self.vocabulary.entityKinds[entity.kind.family.rawValue]?.contains(entity.kind.rawValue) == true
            else {
                return "kind: \"\(entity.kind.rawValue)\" is not in the vocabulary's entity_kinds"
            }
            return try self.citationProblem(entity.citations, path: "citations", lines: lines)
        case .event(let event):
            guard self.vocabulary.eventTypes[event.type] != nil else {
                return "type: \"\(event.type)\" is not in the vocabulary's event_types"
            }
            for (index, participant) in event.participants.enumerated() {
                guard try known(.entity, participant.entity) else {
                    return "participants[\(index)].entity: unknown entity \"\(participant.entity)\""
                }
                guard self.vocabulary.participantRoles.contains(participant.role) else {
                    return
                        "participants[\(index)].role: \"\(participant.role)\" is not in the vocabulary's "
                        + "participant_roles"
                }
            }
            return try self.citationProblem(event.citations, path: "citations", lines: lines)
        case .relation(let relation):
            guard self.vocabulary.relationTypes[relation.type] != nil else {
                return "type: \"\(relation.type)\" is not in the vocabulary's relation_types"
            }
            guard try known(.entity, relation.from) else { return "from: unknown entity \"\(relation.from)\"" }
            guard try known(.entity, relation.to) else { return "to: unknown entity \"\(relation.to)\"" }
            let base = "\(relation.from)--\(relation.type)--\(relation.to)"
            let suffix = relation.id.hasPrefix(base + "--") ? relation.id.dropFirst(base.count + 2) : ""
            guard relation.id == base || (!suffix.isEmpty && suffix.allSatisfy(\.isNumber)) else {
                return "id: expected \"\(base)\" (optionally with a --N suffix), got \"\(relation.id)\""
            }
            return try self.citationProblem(relation.citations, path: "citations", lines: lines)
        case .dispute(let dispute):
            if let subject = dispute.subject, try !Self.isSubject(subject, known: known) {
                return "subject: unknown entity, event or figure \"\(subject)\""
            }
            for (index, claim) in dispute.claims.enumerated() {
                if let problem = try self.citationProblem(
                    claim.citations,
                    path: "claims[\(index)].citations",
                    lines: lines
                ) {
                    return problem
                }
            }
            return nil
        case .figure(let figure):
            if let subject = figure.subject, try !Self.isSubject(subject, known: known) {
                return "subject: unknown entity, event or figure \"\(subject)\""
            }
            return try self.citationProblem(figure.citations, path: "citations", lines: lines)
        }
    }

    /// Whether `id` names something a dispute or figure can be about: an entity, an event or a figure.
    private static func isSubject(_ id: String, known: (RecordKind, String) throws -> Bool) throws -> Bool {
        try known(.entity, id) || known(.event, id) || known(.figure, id)
    }

    private func citationProblem(
        _ citations: [Citation],
        path: String,
        lines: (String) throws -> Int?
    ) throws -> String? {
        guard !citations.isEmpty else { return "\(path): a fact needs at least one citation" }
        for (index, citation) in citations.enumerated() {
            guard let count = try lines(citation.doc) else {
                return "\(path)[\(index)].doc: unknown document \"\(citation.doc)\""
            }
            guard citation.first >= 1, citation.first <= citation.last, citation.last <= count else {
                return
                    "\(path)[\(index)].lines: [\(citation.first), \(citation.last)] is outside "
                    + "\(citation.doc) (1–\(count))"
            }
        }
        return nil
    }
}
