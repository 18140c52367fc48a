public import ChronoProtocol
public import ChronoStore

extension GraphError: StatusConvertible {
    /// The status of the error, naming the request field at fault: `params.upserts[1].…` and
    /// `params.retractions[0]` of `chrono.v1.Facts/Write`, `params.cursor`, `params.text`, `params.types` and
    /// `params.relations` of the queries, `params.since_revision`
    /// of `chrono.v1.Watch/Subscribe` (`Facts/Compact` maps its own `params.revision`), `params.id` and
    /// `params.manifest.id` of the snapshot methods.
    public var status: ChronoError {
        switch self {
        case .emptyWrite:
            return .invalidArgument("params: a write needs at least one upsert or retraction")
        case .unreadableUpsert(let index, let field):
            let path = field.path.isEmpty ? "" : ".\(field.path)"
            return .invalidArgument("params.upserts[\(index)]\(path): \(field.message)")
        case .refusedUpsert(let index, let reason):
            return .invalidArgument("params.upserts[\(index)].\(reason)")
        case .refusedRetraction(let index, let reason):
            let message = "params.retractions[\(index)]: \(reason)"
            switch reason {
            case .unknownRecord: return .notFound(message)
            case .stillReferenced: return .failedPrecondition(message)
            case .alsoUpserted, .severalKinds: return .invalidArgument(message)
            }
        case .invalidCursor:
            return .invalidArgument("params.cursor: not a cursor returned by this method")
        case .noSearchWords:
            return .invalidArgument("params.text: has no words to search for")
        case .historyCompacted(let revision, let compacted):
            return .outOfRange(
                "params.since_revision: revision \(revision) has been compacted (history starts after \(compacted)); "
                    + Self.resync
            )
        case .revisionInFuture(let revision, let current):
            return .outOfRange("params.since_revision: revision \(revision) is after the current revision \(current)")
        case .changeWithoutEarlierForm(let kind, let id, let revision):
            return .outOfRange(
                "params.since_revision: the change of \(kind) \"\(id)\" at revision \(revision) "
                    + "was not logged with its earlier form; " + Self.resync
            )
        case .tooManySeeds(let count, let limit):
            return .invalidArgument("params.ids: more seeds (\(count)) than the node limit (\(limit))")
        case .entityNotFound(let id):
            return .notFound("params.id: no entity \"\(id)\"")
        case .unknownTerm(let section, let index, let value):
            let field = section == .eventTypes ? "params.types" : "params.relations"
            return .invalidArgument("\(field)[\(index)]: \"\(value)\" is not one of the \(section.rawValue)")
        case .snapshotNotFound(let id):
            return .notFound("params.id: no snapshot \"\(id)\"")
        case .snapshotIDMismatch(let id, let expected):
            return .dataLoss("params.manifest.id: \"\(id)\" does not match its content (\(expected))")
        }
    }

    private static let resync = "resync with a new subscription without since_revision"
}
