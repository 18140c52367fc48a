/// An error that knows its wire form.
///
/// The dispatcher sends `status` for conforming errors and `.internal()` for any other error.
public protocol StatusConvertible: Error {
    /// The status and message this error is answered with.
    var status: ChronoError { get }
}

extension ChronoError: StatusConvertible {
    public var status: ChronoError { self }
}
