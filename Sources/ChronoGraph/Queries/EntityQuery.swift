public import ChronoProtocol

/// One entity's record with its related events and edges (`chrono.v1.Entity/Get`).
public struct EntityQuery: Sendable, Hashable {
    /// The entity's id.
    public var id: String

    /// Creates a query for the entity `id`.
    public init(id: String) {
        self.id = id
    }

    /// Reads and checks the params of `Entity/Get`: `{"id"}`.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(expecting: ["id"])
        self.init(id: try params.string("id"))
    }
}
