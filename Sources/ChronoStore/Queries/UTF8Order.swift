/// Sorting by ids in UTF-8 byte order: SQLite's order of text (`BINARY`), PostgreSQL's `"C"`, and `String`'s `<`
/// for text in NFC, as ids (ASCII slugs) are.
///
/// Each id's first 16 bytes are read once into two integers (abbreviated keys, as PostgreSQL sorts text), so
/// most comparisons are integer comparisons; only ids whose first 16 bytes agree are compared as strings. With
/// `String`'s `<` alone (some 200 instructions a comparison), sorting a 2-hop neighbourhood's 208 edges and 200
/// nodes cost 770,000 instructions, 12% of the call (330,000 this way).
enum UTF8Order {
    /// The positions of `ids`, ordered by `ranks` (when given, one per id) and then by id; stable.
    static func positions(of ids: [String], ranks: [Int]? = nil) -> [Int] {
        precondition(ranks == nil || ranks?.count == ids.count, "one rank per id")
        guard ids.count > 1 else { return Array(ids.indices) }
        var keys: [(rank: Int, high: UInt64, low: UInt64, position: Int)] = []
        keys.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() {
            let (high, low) = Self.prefix(of: id)
            keys.append((ranks?[position] ?? 0, high, low, position))
        }
        keys.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return ids[a.position] < ids[b.position]
        }
        return keys.map(\.position)
    }

    /// `ids` sorted.
    static func sorted(_ ids: some Collection<String>) -> [String] {
        guard ids.count > 1 else { return Array(ids) }
        let ids = Array(ids)
        return Self.positions(of: ids).map { ids[$0] }
    }

    /// `ids` sorted, each once: without hashing them into a set first.
    static func distinct(_ ids: some Collection<String>) -> [String] {
        guard ids.count > 1 else { return Array(ids) }
        let ids = Array(ids)
        var distinct: [String] = []
        distinct.reserveCapacity(ids.count)
        for position in Self.positions(of: ids) where distinct.last != ids[position] {
            distinct.append(ids[position])
        }
        return distinct
    }

    /// The first 16 bytes of `id` as two big-endian integers, zeros after a shorter id's end: two prefixes
    /// compare as the ids' first 16 bytes do.
    private static func prefix(of id: String) -> (high: UInt64, low: UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        var id = id
        id.withUTF8 { bytes in
            withUnsafeMutableBytes(of: &words) { words in
                words.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).prefix(16)))
            }
        }
        return (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1))
    }
}
