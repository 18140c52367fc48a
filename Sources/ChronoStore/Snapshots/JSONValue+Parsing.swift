internal import ChronoProtocol

extension JSONValue {
    /// Parses one JSON text strictly with `JSONParser` (records nest 4 levels; 64 is ample); `nil` when it
    /// is not valid JSON.
    static func parsing(_ bytes: some Collection<UInt8>) -> JSONValue? {
        let parsed = bytes.withContiguousStorageIfAvailable { buffer in
            try? JSONParser.parse(UnsafeRawBufferPointer(buffer), maximumDepth: 64)
        }
        if let parsed { return parsed }
        return Array(bytes).withUnsafeBytes { try? JSONParser.parse($0, maximumDepth: 64) }
    }
}
