/// Deterministic test data: SplitMix64 bytes and a repetitive JSON-lines text.
enum SeededBytes {
    /// `count` pseudo-random bytes from `seed` (incompressible in practice).
    static func random(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
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
