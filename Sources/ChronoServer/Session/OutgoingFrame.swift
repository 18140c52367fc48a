import ChronoProtocol
import Foundation

/// A frame as the server writes it: like `Response` and `DataFrame`, but with the result or data still a
/// typed value, so it is encoded once, straight to the wire form.
enum OutgoingFrame: Encodable {
    case terminal(id: RequestID?, result: any Encodable & Sendable, revision: Int64)
    case failure(Response)
    case data(id: RequestID, seq: Int64, data: any Encodable & Sendable)

    private enum CodingKeys: String, CodingKey {
        case id, status, result, revision, seq, data
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .failure(let response):
            try response.encode(to: encoder)
        case .terminal(let id, let result, let revision):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(StatusCode.ok, forKey: .status)
            try container.encode(result, forKey: .result)
            try container.encode(revision, forKey: .revision)
        case .data(let id, let seq, let data):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(seq, forKey: .seq)
            try container.encode(data, forKey: .data)
        }
    }

    /// The frame in wire form, without the newline.
    func encoded() throws -> Data {
        try WireCoding.encode(self)
    }
}
