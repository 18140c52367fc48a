package import ChronoGraph
internal import ChronoProtocol

extension RecordKind {
    /// The table holding records of this kind.
    package var table: String {
        switch self {
        case .dispute: "disputes"
        case .document: "documents"
        case .entity: "entities"
        case .event: "events"
        case .figure: "figures"
        case .relation: "relations"
        }
    }

    /// Whether records of this kind have fuzzy date columns (`fuzzy_lower`, `fuzzy_upper`; `NULL` when undated).
    package var hasFuzzyDates: Bool { self == .event || self == .figure || self == .relation }

    /// The kind stored as `text` in the database; any other text means the database is corrupt.
    package init(stored text: String) throws {
        guard let kind = RecordKind(rawValue: text) else {
            throw ChronoError.dataLoss("stored record kind \"\(text)\" is unknown")
        }
        self = kind
    }
}

extension GraphChange.Operation {
    /// The operation stored as `text` in the change log; any other text means the database is corrupt.
    package init(stored text: String) throws {
        guard let operation = GraphChange.Operation(rawValue: text) else {
            throw ChronoError.dataLoss("stored change operation \"\(text)\" is unknown")
        }
        self = operation
    }
}
