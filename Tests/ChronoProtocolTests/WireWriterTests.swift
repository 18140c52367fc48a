import ChronoProtocol
import Testing

/// The writer's scalar forms against independent oracles: strings escaped byte by byte as JSON requires,
/// integers as Swift prints them, member names literal or escaped.
@Suite struct WireWriterTests {
    /// JSON string form, byte by byte: `"`, `\` and bytes below 0x20 escaped, every other byte as it is.
    private static func oracle(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0x08: out += Array(#"\b"#.utf8)
            case 0x0C: out += Array(#"\f"#.utf8)
            case ..<0x20:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return out
    }

    private static func written(_ write: (inout WireWriter) -> Void) -> [UInt8] {
        var writer = WireWriter()
        write(&writer)
        return writer.bytes
    }

    /// Every character that needs escaping, and some that must not be (the neighbours of each test's bounds,
    /// DEL, multi-byte UTF-8), at every offset of strings up to 40 bytes: the 8-byte scan must neither miss
    /// one nor escape a plain byte, whatever the alignment.
    @Test func escapesExactlyWhatJSONRequiresAtEveryOffset() throws {
        let specials: [String] = ["\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}"]
        let plain: [String] = ["\u{20}", "!", "#", "[", "]", "\u{7F}", "é", "€", "𝄞", "/"]
        var mismatches: [String] = []
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 40] {
            for offset in 0..<max(length, 1) {
                for character in specials + plain {
                    var text = String(repeating: "a", count: length)
                    if length > 0 {
                        let index = text.index(text.startIndex, offsetBy: offset)
                        text.replaceSubrange(index...index, with: character)
                    }
                    if Self.written({ $0.string(text) }) != Self.oracle(text) { mismatches.append(text) }
                }
            }
        }
        #expect(mismatches.isEmpty)
        let mixed = "ab\"c\\d\ne\u{01}fé€\u{7F}𝄞 \"\"\\\\ end of a longer run of plain text"
        #expect(Self.written { $0.string(mixed) } == Self.oracle(mixed))
        let parsed = try JSONParser.parse(
            String(decoding: Self.written { $0.string(mixed) }, as: UTF8.self),
            maximumDepth: 1
        )
        #expect(parsed == .string(mixed))
    }

    @Test func integersAsSwiftPrintsThem() {
        let values: [Int64] = [0, 1, -1, 9, 10, -10, 1_234_567_890, .max, .min, .max - 1, .min + 1]
        for value in values {
            #expect(Self.written { $0.int(value) } == Array(String(value).utf8))
        }
        #expect(Self.written { $0.int(Int.min) } == Array(String(Int.min).utf8))
        #expect(
            Self.written { writer in
                writer.beginArray()
                writer.int(-5)
                writer.int(Int64(7))
                writer.endArray()
            } == Array("[-5,7]".utf8)
        )
    }

    @Test func literalNamesAreWrittenAsTheyAreAndRuntimeNamesEscaped() {
        let bytes = Self.written { writer in
            writer.beginObject()
            writer.key("a_b")
            writer.int(1)
            writer.key(named: "q\"\n")
            writer.string(utf8: UnsafeBufferPointer(start: nil, count: 0))
            writer.endObject()
        }
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a_b":1,"q\"\n":""}"#)
    }

    /// The writer holds its bytes in memory of its own: writing far past the first capacity keeps every byte in
    /// order.
    @Test func writesFarPastItsFirstCapacity() {
        var writer = WireWriter(capacity: 1)
        writer.beginObject()
        var members: [String] = []
        for index in 0..<2_000 {
            writer.key("k")
            writer.string("item \(index)")
            members.append("\"k\":\"item \(index)\"")
        }
        writer.key("n")
        writer.int(7)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "{" + members.joined(separator: ",") + ",\"n\":7}")
    }

    /// Frames written one after another, each ended as a line, are the lines the wire carries: no separator
    /// between them; a frame taken back leaves what came before it whole, and the next frame follows it as if
    /// it had never been written.
    @Test func framesWrittenAsLinesOneAfterAnother() {
        var writer = WireWriter(capacity: 4)
        writer.beginObject()
        writer.key("id")
        writer.int(1)
        writer.endObject()
        writer.endLine()
        let kept = writer.count
        writer.beginArray()
        writer.string("given up")
        writer.removeBytes(after: kept)
        writer.beginObject()
        writer.key("id")
        writer.int(2)
        writer.endObject()
        writer.endLine()
        writer.int(3)
        writer.endLine()
        let text = writer.withBytes { String(decoding: $0, as: UTF8.self) }
        #expect(text == "{\"id\":1}\n{\"id\":2}\n3\n")
        #expect(writer.count == text.utf8.count)
        writer.removeAll(keepingCapacityUpTo: 8)
        #expect(writer.count == 0)
        writer.string("after")
        #expect(writer.bytes == Array("\"after\"".utf8))
    }
}
