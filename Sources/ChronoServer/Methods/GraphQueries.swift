import ChronoGraph
import ChronoProtocol

/// Reads each graph method's `params` into its query type, strictly (see `Protocol/PROTOCOL.md`, "Methods").
enum GraphQueries {
    static let timelineFields = [
        "actors", "cursor", "from", "instruments", "limit", "mode", "text", "to", "types",
    ]
    static let streamFields = ["actors", "from", "instruments", "mode", "text", "to", "types"]

    /// `chrono.v1.Timeline/Query` (and `/Stream` with `streaming`, which has no `limit` or `cursor`).
    static func timeline(_ raw: [String: JSONValue], streaming: Bool = false) throws -> TimelineQuery {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: streaming ? Self.streamFields : Self.timelineFields)
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
            text: try params.optionalString("text", allowEmpty: true),
            limit: limit,
            cursor: try params.optionalString("cursor", allowEmpty: true)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Entity/Search`.
    static func search(_ raw: [String: JSONValue]) throws -> SearchQuery {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: ["kinds", "limit", "text"])
        let query = SearchQuery(
            text: try params.string("text"),
            kinds: try params.choices("kinds", as: EntityKind.self),
            limit: try params.int("limit", in: SearchQuery.limits, default: 20)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Search/Query`.
    static func recordSearch(_ raw: [String: JSONValue]) throws -> RecordSearchQuery {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: ["cursor", "doc", "from", "kinds", "limit", "text", "to"])
        let query = RecordSearchQuery(
            text: try params.string("text"),
            kinds: try params.strings("kinds"),
            from: try params.date("from"),
            to: try params.date("to"),
            doc: try params.optionalString("doc", allowEmpty: true),
            limit: try params.int("limit", in: RecordSearchQuery.limits, default: 20),
            cursor: try params.optionalString("cursor", allowEmpty: true)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Graph/Neighbors`.
    static func neighbors(_ raw: [String: JSONValue]) throws -> NeighborsQuery {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: ["depth", "direction", "from", "id", "kinds", "limit", "relations", "to"])
        let query = NeighborsQuery(
            id: try params.string("id"),
            depth: try params.int("depth", in: NeighborsQuery.depths, default: 1),
            relations: try params.strings("relations"),
            direction: try params.choice("direction", as: TraversalDirection.self) ?? .both,
            kinds: try params.choices("kinds", as: EntityKind.self),
            from: try params.date("from"),
            to: try params.date("to"),
            limit: try params.int("limit", in: NeighborsQuery.limits, default: 200)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Graph/Paths`.
    static func paths(_ raw: [String: JSONValue]) throws -> PathsQuery {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: ["from", "k", "max_depth", "relations", "through_events", "to"])
        let query = PathsQuery(
            from: try params.string("from"),
            to: try params.string("to"),
            maxDepth: try params.int("max_depth", in: PathsQuery.depths, default: 4),
            relations: try params.strings("relations"),
            k: try params.int("k", in: PathsQuery.counts, default: 1),
            throughEvents: try params.bool("through_events", default: false)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Graph/Subgraph`.
    static func subgraph(_ raw: [String: JSONValue]) throws -> SubgraphQuery {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: ["depth", "ids", "limit"])
        let query = SubgraphQuery(
            ids: try params.strings("ids"),
            depth: try params.int("depth", in: SubgraphQuery.depths, default: 1),
            limit: try params.int("limit", in: SubgraphQuery.limits, default: 1_000)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Disputes/List`.
    static func disputes(_ raw: [String: JSONValue]) throws -> DisputesQuery {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: ["limit", "subject", "text"])
        let query = DisputesQuery(
            subject: try params.optionalString("subject", allowEmpty: true),
            text: try params.optionalString("text", allowEmpty: true),
            limit: try params.int("limit", in: DisputesQuery.limits, default: 100)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Figures/List`.
    static func figures(_ raw: [String: JSONValue]) throws -> FiguresQuery {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: ["from", "limit", "subject", "text", "to"])
        let query = FiguresQuery(
            subject: try params.optionalString("subject", allowEmpty: true),
            text: try params.optionalString("text", allowEmpty: true),
            from: try params.date("from"),
            to: try params.date("to"),
            limit: try params.int("limit", in: FiguresQuery.limits, default: 100)
        )
        try query.validate()
        return query
    }

    /// `chrono.v1.Entity/Get`: the id, name or alias to resolve.
    static func entity(_ raw: [String: JSONValue]) throws -> String {
        var params = JSONObjectReader(raw, path: "params")
        try params.rejectUnknown(expecting: ["id"])
        return try params.string("id")
    }
}
