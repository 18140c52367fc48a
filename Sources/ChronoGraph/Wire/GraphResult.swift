public import ChronoProtocol

/// A query result: writes a method's `result` object and knows the graph revision it was computed at.
///
/// `revision` goes in the terminal frame, not in the result (except `Stats`, whose contract lists it).
public protocol GraphResult: WireEncodable, Sendable {
    /// The graph revision the result was computed at.
    var revision: Int64 { get }

    /// The result as the items a subscription diffs (see `ResultItems`).
    func items() throws -> ResultItems
}
