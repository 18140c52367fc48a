/// The two families of entities.
public enum EntityFamily: String, Sendable, Hashable, Codable, CaseIterable {
    /// People, organisations, states, groups, places.
    case actor
    /// Laws, decrees, agreements and other instruments.
    case instrument
}

/// What an entity is; each kind belongs to one family (`Graph/vocabulary.json`, `entity_kinds`).
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case person, organisation, state, ngo, company, group, place
    case internationalOrganisation = "international_organisation"
    case law, decree, resolution, code, regulation, rules, programme, plan, concept, agreement, treaty
    case convention, constitution
    case codeArticle = "code_article"

    /// The family this kind belongs to.
    public var family: EntityFamily {
        switch self {
        case .person, .organisation, .state, .ngo, .company, .group, .place, .internationalOrganisation: .actor
        default: .instrument
        }
    }
}
