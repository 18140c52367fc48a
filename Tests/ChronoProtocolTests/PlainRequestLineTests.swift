import ChronoTesting
import Testing

@testable import ChronoProtocol

/// The fast path of request parsing (`Request.plain(bytes:)`) against the generic parse it stands in for.
@Suite struct PlainRequestLineTests {
    /// Lines the fast path must read itself, with the id they carry.
    private static let plainLines: [(line: String, id: RequestID)] = [
        (#"{"id":1,"method":"chrono.v1.Health/Check","params":{}}"#, 1),
        (#"{"id":1,"method":"chrono.v1.Health/Check"}"#, 1),
        (#"{"method":"chrono.v1.Health/Check","params":{},"id":"abc"}"#, "abc"),
        (#"{"params":{ },"id":0,"method":"chrono.v1.Health/Check"}"#, 0),
        (#"{"id":-0,"method":"chrono.v1.Health/Check"}"#, 0),
        (#"{"id":-42,"method":"chrono.v1.Health/Check"}"#, -42),
        (#"{"id":999999999999999999,"method":"chrono.v1.Health/Check"}"#, 999_999_999_999_999_999),
        (#"{"id":"","method":"chrono.v1.Health/Check"}"#, ""),
        (#"{"id":"a b/c:{}[],~","method":"x"}"#, "a b/c:{}[],~"),
        (" \t{ \"id\" : 7 ,\r\"method\"\t:\"chrono.v1.Health/Check\" , \"params\" : { } } \r ", 7),
        (#"{"id":8,"method":""}"#, 8),
        (#"{"id":9,"method":"chrono.v1.Graph/Neighbors","params":{"depth":1,"id":"actor-0012431"}}"#, 9),
        (#"{"id":10,"method":"m","params":{"actors":["a-1","b 2"],"limit":50,"none":[]}}"#, 10),
        (#"{"id":11,"method":"m","params":{ "a" : true , "b":false,"c":null,"d":-7,"e":0,"f":"" }}"#, 11),
        (#"{"id":12,"method":"m","params":{"x":[ "y" , "z" ]},"deadline_ms":86400000}"#, 12),
        (#"{"deadline_ms":1,"id":"q","method":"m"}"#, "q"),
        (#"{"id":13,"method":"m","params":{"n":999999999999999999,"m":-999999999999999999}}"#, 13),
    ]

    /// Lines the fast path must leave to the generic parser: other members, other values, escapes, non-ASCII,
    /// numbers that are not plain integers, and every malformed line.
    private static let otherLines = [
        #"{"id":1,"method":"chrono.v1.Health/Check","params":null}"#,
        #"{"id":1,"method":"m","params":[]}"#,
        #"{"id":1,"method":"m","params":{"a":1.5}}"#,
        #"{"id":1,"method":"m","params":{"a":1e2}}"#,
        #"{"id":1,"method":"m","params":{"a":01}}"#,
        #"{"id":1,"method":"m","params":{"a":1234567890123456789}}"#,
        #"{"id":1,"method":"m","params":{"a":{}}}"#,
        #"{"id":1,"method":"m","params":{"a":[1]}}"#,
        #"{"id":1,"method":"m","params":{"a":[[]]}}"#,
        #"{"id":1,"method":"m","params":{"a":["b",]}}"#,
        #"{"id":1,"method":"m","params":{"a":["\n"]}}"#,
        #"{"id":1,"method":"m","params":{"a":"é"}}"#,
        #"{"id":1,"method":"m","params":{"a\u0062":1}}"#,
        #"{"id":1,"method":"m","params":{"a":1,"a":2}}"#,
        #"{"id":1,"method":"m","params":{"a":1,}}"#,
        #"{"id":1,"method":"m","params":{"a":tru}}"#,
        #"{"id":1,"method":"m","params":{"a":truex}}"#,
        #"{"id":1,"method":"m","params":{"a":nul}}"#,
        #"{"id":1,"method":"m","params":{"a"}}"#,
        #"{"id":1,"method":"m","params":{"a":}}"#,
        #"{"id":1,"method":"m","deadline_ms":0}"#,
        #"{"id":1,"method":"m","deadline_ms":86400001}"#,
        #"{"id":1,"method":"m","deadline_ms":-5}"#,
        #"{"id":1,"method":"m","deadline_ms":"5"}"#,
        #"{"id":1,"method":"m","deadline_ms":null}"#,
        #"{"id":1,"method":"m","deadline_ms":5,"deadline_ms":6}"#,
        #"{"id":1,"method":"chrono.v1.Health/Check","metadata":{}}"#,
        #"{"id":1,"method":"chrono.v1.Health/Check","extra":1}"#,
        #"{"id":1.0,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":1e3,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":01,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":1234567890123456789,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":999999999999999999999,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":-99999999999999999999999999,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":-,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":"\u0041","method":"chrono.v1.Health/Check"}"#,
        #"{"id":"é","method":"chrono.v1.Health/Check"}"#,
        #"{"id":1,"method":"chrono.v1.Health\/Check"}"#,
        #"{"\u0069d":1,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":1,"id":2,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":1,"method":"a","method":"b"}"#,
        #"{"id":1,"method":"m","params":{},"params":{}}"#,
        #"{"id":null,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":true,"method":"chrono.v1.Health/Check"}"#,
        #"{"id":[1],"method":"chrono.v1.Health/Check"}"#,
        #"{"method":"chrono.v1.Health/Check"}"#,
        #"{"id":5}"#,
        #"{"id":5,"method":7}"#,
        #"{"id":1,"method":"chrono.v1.Health/Check",}"#,
        #"{"id":1,"method":"chrono.v1.Health/Check"} x"#,
        #"{"id":1,"method":"chrono.v1.Health/Check"}}"#,
        #"{"id":1 "method":"chrono.v1.Health/Check"}"#,
        #"{"id":1,"method":"chrono.v1.Health/Check""#,
        "{\"id\":1,\"method\":\"chrono.v1.Health/Check\u{1}\"}",
        "{}",
        "[1,2]",
        "not json",
        "",
        "   ",
    ]

    @Test func readsPlainLinesAsTheGenericParseDoes() throws {
        for (line, id) in Self.plainLines {
            let plain = try #require(Self.plain(line), "not read by the fast path: \(line)")
            #expect(plain.id == id, "\(line)")
            #expect(plain == (try Self.generic(line).get()), "\(line)")
        }
    }

    @Test func leavesEveryOtherLineToTheGenericParser() {
        for line in Self.otherLines {
            #expect(Self.plain(line) == nil, "\(line)")
        }
    }

    /// Random edits of plain lines (bytes dropped, doubled, replaced by JSON punctuation): whatever the fast path
    /// accepts, the generic parse accepts as the same request.
    @Test func neverDisagreesWithTheGenericParseOnEditedLines() {
        var generator = SeededGenerator(seed: 19)
        let alphabet = Array(#"{}[]":, 0123456789-.eE"\aidmethodparamstruefalsenull"#.utf8) + [0x09, 0x0D, 0xC3, 0x7F]
        var accepted = 0
        for _ in 0..<20_000 {
            var bytes = Array(Self.plainLines.randomElement(using: &generator)!.line.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = alphabet.randomElement(using: &generator)!
                }
            }
            let line = String(decoding: bytes, as: UTF8.self)
            guard let plain = bytes.withUnsafeBytes({ Request.plain(bytes: $0) }) else { continue }
            accepted += 1
            let generic = bytes.withUnsafeBytes { bytes in
                Result { () throws(RequestLineError) in try Request.parseJSON(bytes: bytes) }
            }
            #expect(generic == .success(plain), "\(line)")
        }
        // The edits leave many lines plain (a changed digit of the id, a space), so the check above ran.
        #expect(accepted > 1_000)
    }

    private static func plain(_ line: String) -> Request? {
        Array(line.utf8).withUnsafeBytes { Request.plain(bytes: $0) }
    }

    private static func generic(_ line: String) -> Result<Request, RequestLineError> {
        Array(line.utf8).withUnsafeBytes { bytes in
            Result { () throws(RequestLineError) in try Request.parseJSON(bytes: bytes) }
        }
    }
}
