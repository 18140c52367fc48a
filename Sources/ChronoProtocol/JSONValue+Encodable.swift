public import Foundation

extension JSONValue {
    /// The JSON form of any `Encodable` value, as the wire encodes it.
    public init(encoding value: some Encodable) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: try WireCoding.encode(value))
    }
}
