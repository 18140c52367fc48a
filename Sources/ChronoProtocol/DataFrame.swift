/// One item of a server-streaming call, sent before the call's terminal frame.
public struct DataFrame: Sendable, Hashable, Codable {
    /// The call's id.
    public var id: RequestID
    /// Position in the call's stream, counting from 0.
    public var seq: Int64
    /// The item.
    public var data: JSONValue

    /// Creates a data frame.
    public init(id: RequestID, seq: Int64, data: JSONValue) {
        self.id = id
        self.seq = seq
        self.data = data
    }
}
