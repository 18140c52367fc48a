/// An error whose failure frame carries a structured `details` object besides its status, such as the
/// `candidates` of an ambiguous name.
public protocol StatusDetailing: StatusConvertible {
    /// The `details` of the failure frame.
    var statusDetails: JSONValue? { get }
}
