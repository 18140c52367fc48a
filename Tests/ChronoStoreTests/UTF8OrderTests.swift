import ChronoTesting
import Testing

@testable import ChronoStore

@Suite("Ids sorted in UTF-8 byte order")
struct UTF8OrderTests {
    /// Ids of every length around the 16 bytes read ahead, sharing long prefixes, some not ASCII, repeated.
    private static func ids(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("ab-_z09éß日".unicodeScalars)
        let stems = ["", "actor-000035--", "actor-000035--cooperates_with--actor-0009", "x"]
        return (0..<count).map { _ in
            let stem = stems[Int(generator.next() % UInt64(stems.count))]
            let tail = (0..<Int(generator.next() % 24)).map { _ in
                Character(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            return stem + String(tail)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func sortsAsTheirBytesCompare(seed: UInt64) {
        let ids = Self.ids(count: 300, seed: seed)
        #expect(UTF8Order.sorted(ids) == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(UTF8Order.sorted(Set(ids)) == Set(ids).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func ranksComeFirstAndEqualKeysKeepTheirOrder() {
        let ids = ["b", "a", "b", "c", "a"]
        let ranks = [2, 2, 1, 1, 2]
        #expect(UTF8Order.positions(of: ids, ranks: ranks) == [2, 3, 1, 4, 0])
        #expect(UTF8Order.positions(of: []).isEmpty)
    }
}
