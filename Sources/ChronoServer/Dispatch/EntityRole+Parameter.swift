public import ChronoStore

extension EntityRole {
    /// The request parameter that holds a name in this role, as errors name it.
    public var parameter: String {
        switch self {
        case .asked: "params.id"
        case .seed(let index): "params.ids[\(index)]"
        case .actor(let index): "params.actors[\(index)]"
        case .instrument(let index): "params.instruments[\(index)]"
        case .subject: "params.subject"
        case .pathStart: "params.from"
        case .pathEnd: "params.to"
        }
    }
}
