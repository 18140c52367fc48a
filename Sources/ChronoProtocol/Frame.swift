public import Foundation

/// Any line the server sends: a data frame of a streaming call or a call's terminal frame.
public enum Frame: Sendable, Hashable {
    /// An item of a streaming call (the line has `seq`).
    case data(DataFrame)
    /// The end of a call (the line has `status`).
    case terminal(Response)

    /// The id of the call the frame belongs to (`nil` for a terminal frame answering an unreadable line).
    public var id: RequestID? {
        switch self {
        case .data(let frame): return frame.id
        case .terminal(let response): return response.id
        }
    }

    /// Decodes one line sent by the server: a member `seq` marks a data frame.
    public static func decode(line: Data) throws -> Frame {
        let decoder = JSONDecoder()
        let value = try decoder.decode(JSONValue.self, from: line)
        if value["seq"] != nil {
            return .data(try decoder.decode(DataFrame.self, from: line))
        }
        return .terminal(try decoder.decode(Response.self, from: line))
    }

    /// The frame as one line of JSON in wire form, without the newline.
    public func encoded() -> Data {
        var writer = WireWriter()
        switch self {
        case .data(let frame): frame.write(to: &writer)
        case .terminal(let response): response.write(to: &writer)
        }
        return Data(writer.bytes)
    }
}
