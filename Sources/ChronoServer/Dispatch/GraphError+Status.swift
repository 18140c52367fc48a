public import ChronoProtocol
public import ChronoStore

extension GraphError: StatusConvertible {
    /// `INVALID_ARGUMENT`, naming the field of `chrono.v1.Facts/Write` at fault (`params.upserts[1].…`).
    public var status: ChronoError {
        switch self {
        case .emptyWrite:
            return .invalidArgument("params: a write needs at least one upsert or retraction")
        case .unreadableUpsert(let index, let field):
            let path = field.path.isEmpty ? "" : ".\(field.path)"
            return .invalidArgument("params.upserts[\(index)]\(path): \(field.message)")
        case .refusedUpsert(let index, let reason):
            return .invalidArgument("params.upserts[\(index)].\(reason)")
        }
    }
}
