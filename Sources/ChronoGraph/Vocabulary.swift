public import ChronoProtocol
internal import Foundation

/// The graph's controlled vocabulary, decoded from `Graph/vocabulary.json`.
public struct Vocabulary: Sendable, Hashable, Decodable {
    /// Entity kinds by family (`actor`, `instrument`).
    public var entityKinds: [String: [String]]
    /// Relation types and their meaning.
    public var relationTypes: [String: String]
    /// Event types and their meaning.
    public var eventTypes: [String: String]
    /// Participant roles.
    public var participantRoles: [String]

    private enum CodingKeys: String, CodingKey {
        case entityKinds = "entity_kinds"
        case relationTypes = "relation_types"
        case eventTypes = "event_types"
        case participantRoles = "participant_roles"
    }

    /// Creates a vocabulary from its parts.
    public init(
        entityKinds: [String: [String]],
        relationTypes: [String: String],
        eventTypes: [String: String],
        participantRoles: [String]
    ) {
        self.entityKinds = entityKinds
        self.relationTypes = relationTypes
        self.eventTypes = eventTypes
        self.participantRoles = participantRoles
    }

    /// Decodes `vocabulary.json`'s bytes.
    public init(json: [UInt8]) throws(JSONFieldError) {
        do {
            self = try JSONDecoder().decode(Vocabulary.self, from: Data(json))
        } catch {
            throw JSONFieldError(path: "vocabulary.json", message: "not a valid vocabulary: \(error)")
        }
    }
}
