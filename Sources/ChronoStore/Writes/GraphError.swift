public import ChronoGraph
public import ChronoProtocol

/// A request the graph refuses, in the graph's own terms: which upsert of a write, which revision or cursor,
/// and what was wrong with it.
///
/// It names no request field: the server attaches the wire path (`params.upserts[1].…`, `params.cursor`)
/// and the status when it maps the error at its edge.
public enum GraphError: Error, Sendable, Hashable {
    /// A write with neither upserts nor retractions.
    case emptyWrite
    /// Upsert `index` (0-based) is not a record; `field` names the member at fault within it.
    case unreadableUpsert(index: Int, field: JSONFieldError)
    /// Upsert `index` (0-based) is a record the graph refuses; `reason` starts with the field path within the
    /// record (`participants[0].entity: unknown entity "nobody"`).
    case refusedUpsert(index: Int, reason: String)
    /// Retraction `index` (0-based) of a write is refused for `reason`.
    case refusedRetraction(index: Int, reason: RetractionRefusal)
    /// A page cursor this method did not return (malformed, or from another method).
    case invalidCursor
    /// Search text with no word to search for (only punctuation or wildcards).
    case noSearchWords
    /// History back to `revision` is gone: the change log was compacted through `compactedThrough`.
    case historyCompacted(revision: Int64, compactedThrough: Int64)
    /// `revision` is later than the graph's `current` revision.
    case revisionInFuture(revision: Int64, current: Int64)
    /// The change of record `kind` `id` at `revision` was logged without its earlier form, so the graph before
    /// it cannot be rebuilt.
    case changeWithoutEarlierForm(kind: RecordKind, id: String, revision: Int64)
    /// No stored snapshot has this id.
    case snapshotNotFound(id: String)
    /// An imported snapshot's manifest `id` is not the one its content gives (`expected`).
    case snapshotIDMismatch(id: String, expected: String)
    /// More seed entities (`count`) than the node limit of a subgraph (`limit`).
    case tooManySeeds(count: Int, limit: Int)
    /// The entity a name resolved to has no stored row (it was removed between the two reads).
    case entityNotFound(id: String)
    /// Term `index` (0-based) of a filter, `value`, is not in the vocabulary's `section`.
    case unknownTerm(section: VocabularySection, index: Int, value: String)

    /// A section of the stored vocabulary a query filters by.
    public enum VocabularySection: String, Sendable, Hashable {
        case eventTypes = "event_types"
        case relationTypes = "relation_types"
    }

    /// Why the graph refuses to retract a record; its description names the record, not the request field.
    public enum RetractionRefusal: Sendable, Hashable, CustomStringConvertible {
        /// The same batch also upserts the id.
        case alsoUpserted(id: String)
        /// No record has the id.
        case unknownRecord(id: String)
        /// The id names records of several kinds.
        case severalKinds(id: String, kinds: [RecordKind])
        /// A remaining record (`by`, as `kind "id"`) still refers to the record.
        case stillReferenced(kind: RecordKind, id: String, by: String)

        public var description: String {
            switch self {
            case .alsoUpserted(let id): "\"\(id)\" is also in upserts"
            case .unknownRecord(let id): "no record has id \"\(id)\""
            case .severalKinds(let id, let kinds):
                "\"\(id)\" names records of several kinds (\(kinds.map(\.rawValue).joined(separator: ", ")))"
            case .stillReferenced(let kind, let id, let referrer):
                "\(kind) \"\(id)\" is still referred to by \(referrer)"
            }
        }
    }
}
