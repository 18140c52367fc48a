package import ChronoGraph
internal import Foundation

/// How record fields become stored column values, for every backend's writer (SQLite's `RecordWriter`, the
/// PostgreSQL import): the encodings readers depend on live here once.
package enum RecordColumns {
    /// The search index's fields of `record`, or nil when it is not indexed (a document; a relation without a
    /// summary).
    package static func search(_ record: GraphRecord) -> SearchFields? {
        switch record {
        case .document:
            return nil
        case .entity(let entity):
            return SearchFields(
                ownerKind: "entity",
                owner: entity.id,
                name: entity.name,
                aliases: entity.aliases.joined(separator: " ; "),
                summary: entity.summary
            )
        case .event(let event):
            return SearchFields(ownerKind: "event", owner: event.id, title: event.title, summary: event.summary)
        case .relation(let relation):
            return relation.summary.map { SearchFields(ownerKind: "relation", owner: relation.id, summary: $0) }
        case .dispute(let dispute):
            return SearchFields(
                ownerKind: "dispute",
                owner: dispute.id,
                title: dispute.topic,
                claims: dispute.claims.map(\.claim).joined(separator: " ; ")
            )
        case .figure(let figure):
            return SearchFields(ownerKind: "figure", owner: figure.id, title: figure.measure, summary: figure.unit)
        }
    }

    /// An entity's stored aliases: position 0 is its name, then its aliases in order, each with the form name
    /// lookups compare (`NameNormalizer`).
    package static func aliases(_ entity: EntityRecord) -> [(position: Int, alias: String, normalized: String)] {
        ([entity.name] + entity.aliases).enumerated().map {
            ($0.offset, $0.element, NameNormalizer.normalize($0.element))
        }
    }

    /// An entity's attributes as stored: compact JSON with sorted keys.
    package static func attributes(_ entity: EntityRecord) throws -> String {
        try RecordWriter.json(entity.attributes)
    }

    /// An entity's dates as stored: compact JSON with sorted keys, each `{"edtf": …, "text": …}`.
    package static func dates(_ entity: EntityRecord) throws -> String {
        try RecordWriter.json(entity.dates.mapValues { ["edtf": $0.edtf.edtf, "text": $0.text] })
    }

    /// The citation owner of a dispute's claim (citations of claims have owner kind `claim`).
    package static func claimOwner(dispute: String, position: Int) -> String {
        "\(dispute)#\(position)"
    }
}

/// One row of the search index: the owner and the weighted fields (name, aliases, title, summary, claims).
package struct SearchFields: Sendable, Hashable {
    package var ownerKind: String
    package var owner: String
    package var name = ""
    package var aliases = ""
    package var title = ""
    package var summary = ""
    package var claims = ""
}
