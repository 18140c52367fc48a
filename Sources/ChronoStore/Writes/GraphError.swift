public import ChronoProtocol

/// A write the graph refuses, in the graph's own terms: which upsert of the batch and what was wrong with it.
///
/// It names no request field: the server attaches the wire path (`params.upserts[1].…`) when it maps the
/// error to a status.
public enum GraphError: Error, Sendable, Hashable {
    /// A write with neither upserts nor retractions.
    case emptyWrite
    /// Upsert `index` (0-based) is not a record; `field` names the member at fault within it.
    case unreadableUpsert(index: Int, field: JSONFieldError)
    /// Upsert `index` (0-based) is a record the graph refuses; `reason` starts with the field path within the
    /// record (`participants[0].entity: unknown entity "nobody"`).
    case refusedUpsert(index: Int, reason: String)
}
