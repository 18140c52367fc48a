/// What every connection of a run sends and how it reads the answers; shared, immutable.
struct LoadPlan: Sendable {
    /// The request lines, cycled through in order; each connection starts at its own offset.
    var templates: [RequestTemplate]
    /// The bytes that end each request line (`\n`, or `\r\n` for inline protocols).
    var lineEnding: [UInt8]
    /// Calls kept in flight on each connection.
    var pipeline: Int
    /// Match responses to calls by their numeric `"id":` field instead of in order.
    var matchByID: Bool
    /// A response containing these bytes counts as a success; `nil` counts every response.
    var okMarker: [UInt8]?
}
