import ChronoGraph
import ChronoProtocol

/// Reads each graph method's `params` into its query type, strictly (see `Protocol/PROTOCOL.md`, "Methods").
enum GraphQueries {
    static let timelineFields: Set<String> = [
        "from", "to", "mode", "actors", "instruments", "types", "text", "limit", "cursor",
    ]
    static let streamFields: Set<String> = ["from", "to", "mode", "actors", "instruments", "types", "text"]

    /// `chrono.v1.Timeline/Query` (and `/Stream` with `streaming`, which has no `limit` or `cursor`).
    static func timeline(_ raw: [String: JSONValue], streaming: Bool = false) throws(ChronoError) -> TimelineQuery {
        let params = try Params(raw, allowed: streaming ? Self.streamFields : Self.timelineFields)
        let limit =
            streaming
            ? TimelineQuery.limits.upperBound : try params.int("limit", in: TimelineQuery.limits, default: 50)
        let query = TimelineQuery(
            from: try params.date("from"),
            to: try params.date("to"),
            mode: try params.choice("mode", as: TimelineMode.self) ?? .certainFirst,
            actors: try params.strings("actors"),
            instruments: try params.strings("instruments"),
            types: try params.strings("types"),
            text: try params.string("text"),
            limit: limit,
            cursor: try params.string("cursor")
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Entity/Search`.
    static func search(_ raw: [String: JSONValue]) throws(ChronoError) -> SearchQuery {
        let params = try Params(raw, allowed: ["text", "kinds", "limit"])
        let query = SearchQuery(
            text: try params.requiredString("text"),
            kinds: try params.choices("kinds", as: EntityKind.self),
            limit: try params.int("limit", in: SearchQuery.limits, default: 20)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Search/Query`.
    static func recordSearch(_ raw: [String: JSONValue]) throws(ChronoError) -> RecordSearchQuery {
        let params = try Params(raw, allowed: ["text", "kinds", "from", "to", "doc", "limit", "cursor"])
        let query = RecordSearchQuery(
            text: try params.requiredString("text"),
            kinds: try params.strings("kinds"),
            from: try params.date("from"),
            to: try params.date("to"),
            doc: try params.string("doc"),
            limit: try params.int("limit", in: RecordSearchQuery.limits, default: 20),
            cursor: try params.string("cursor")
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Graph/Neighbors`.
    static func neighbors(_ raw: [String: JSONValue]) throws(ChronoError) -> NeighborsQuery {
        let params = try Params(
            raw,
            allowed: ["id", "depth", "relations", "direction", "kinds", "from", "to", "limit", "through_events"]
        )
        let query = NeighborsQuery(
            id: try params.requiredString("id"),
            depth: try params.int("depth", in: NeighborsQuery.depths, default: 1),
            relations: try params.strings("relations"),
            direction: try params.choice("direction", as: TraversalDirection.self) ?? .both,
            kinds: try params.choices("kinds", as: EntityKind.self),
            from: try params.date("from"),
            to: try params.date("to"),
            limit: try params.int("limit", in: NeighborsQuery.limits, default: 200),
            throughEvents: try params.bool("through_events", default: false)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Graph/Paths`.
    static func paths(_ raw: [String: JSONValue]) throws(ChronoError) -> PathsQuery {
        let params = try Params(raw, allowed: ["from", "to", "max_depth", "relations", "k", "through_events"])
        let query = PathsQuery(
            from: try params.requiredString("from"),
            to: try params.requiredString("to"),
            maxDepth: try params.int("max_depth", in: PathsQuery.depths, default: 4),
            relations: try params.strings("relations"),
            k: try params.int("k", in: PathsQuery.counts, default: 1),
            throughEvents: try params.bool("through_events", default: false)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Graph/Subgraph`.
    static func subgraph(_ raw: [String: JSONValue]) throws(ChronoError) -> SubgraphQuery {
        let params = try Params(raw, allowed: ["ids", "depth", "limit"])
        let query = SubgraphQuery(
            ids: try params.strings("ids"),
            depth: try params.int("depth", in: SubgraphQuery.depths, default: 1),
            limit: try params.int("limit", in: SubgraphQuery.limits, default: 1_000)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Disputes/List`.
    static func disputes(_ raw: [String: JSONValue]) throws(ChronoError) -> DisputesQuery {
        let params = try Params(raw, allowed: ["subject", "text", "limit"])
        let query = DisputesQuery(
            subject: try params.string("subject"),
            text: try params.string("text"),
            limit: try params.int("limit", in: DisputesQuery.limits, default: 100)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Figures/List`.
    static func figures(_ raw: [String: JSONValue]) throws(ChronoError) -> FiguresQuery {
        let params = try Params(raw, allowed: ["subject", "text", "from", "to", "limit"])
        let query = FiguresQuery(
            subject: try params.string("subject"),
            text: try params.string("text"),
            from: try params.date("from"),
            to: try params.date("to"),
            limit: try params.int("limit", in: FiguresQuery.limits, default: 100)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Entity/Get`: the id, name or alias to resolve.
    static func entity(_ raw: [String: JSONValue]) throws(ChronoError) -> String {
        try Params(raw, allowed: ["id"]).requiredString("id")
    }
}
