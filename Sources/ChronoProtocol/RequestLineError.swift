/// Why a request line could not become a `Request`, with the id when the line carried a readable one.
///
/// The server answers it with a terminal frame whose `id` is `id` (or `null`) and whose status is `error`.
public struct RequestLineError: Error, Sendable, Hashable {
    /// The request id, when the line was a JSON object with an integer or string `id`.
    public var id: RequestID?
    /// The status and message to answer with.
    public var error: ChronoError

    /// Creates the error.
    public init(id: RequestID?, error: ChronoError) {
        self.id = id
        self.error = error
    }
}
