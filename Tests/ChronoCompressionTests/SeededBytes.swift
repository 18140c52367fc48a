import ChronoTesting

/// Deterministic test data: seeded pseudo-random bytes and a repetitive JSON-lines text.
enum SeededBytes {
    /// `count` pseudo-random bytes from `seed` (incompressible in practice).
    static func random(count: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            let mixed = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: mixed >> UInt64(shift)))
            }
        }
        return bytes
    }

    /// `lines` JSON lines shaped like the graph's records, as UTF-8.
    static func jsonLines(_ lines: Int) -> [UInt8] {
        let kinds = ["law", "decree", "agreement", "person", "organisation"]
        var text = ""
        for index in 0..<lines {
            let kind = kinds[index % kinds.count]
            text += #"{"id":"\#(kind)-\#(index)","kind":"\#(kind)","name":"Record \#(index)","#
            text += #""date":"\#(1990 + index % 30)-\#(index % 12 + 10)","citations":[{"doc":"seed-\#(index % 5).txt","#
            text += #""lines":[\#(index % 400),\#(index % 400 + 3)]}]}"# + "\n"
        }
        return Array(text.utf8)
    }
}
