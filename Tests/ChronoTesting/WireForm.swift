public import ChronoProtocol
public import Testing

/// The wire form of `value`, parsed. Records an issue unless the bytes are their own canonical text: parsed
/// strictly (no member twice) and written again by `JSONValue`, which sorts members, they come out the same,
/// so every object's members are in sorted order at every depth and nothing is written twice.
public func wireForm(
    _ value: some WireEncodable,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> JSONValue {
    let bytes = try WireWriter.bytes(of: value)
    let parsed = try bytes.withUnsafeBytes { try JSONParser.parse($0, maximumDepth: 64) }
    #expect(
        String(decoding: bytes, as: UTF8.self) == parsed.canonicalText,
        "not in canonical form: members out of order?",
        sourceLocation: sourceLocation
    )
    return parsed
}
