import Foundation
import Testing

@testable import ChronoStore

@Suite("Cursor tokens are base64url without padding")
struct CursorTokenTests {
    /// Texts whose standard base64 holds `+`, `/` and one or two `=` of padding.
    private static let texts = ["v1|-1|2|a>b?", "s1|0", "v1p|19000|4|event-ü", "~~~", "??>"]

    @Test(arguments: Self.texts)
    func roundTripsWithOnlyURLSafeCharacters(text: String) throws {
        let token = CursorToken.encode(text)
        let standard = Data(text.utf8).base64EncodedString()
        #expect(token.count == standard.filter { $0 != "=" }.count)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }, "\(token)")
        #expect(CursorToken.decode(token, maximumLength: 64) == text)
    }

    @Test func refusesLongOrMalformedTokens() {
        let token = CursorToken.encode("v1|-1|2|an-event")
        #expect(CursorToken.decode(token, maximumLength: token.utf8.count - 1) == nil)
        #expect(CursorToken.decode("not base64!", maximumLength: 64) == nil)
        #expect(CursorToken.decode("A", maximumLength: 64) == nil)  // no whole byte
        // Bytes that are not UTF-8.
        #expect(CursorToken.decode(Data([0xFF, 0xFE]).base64EncodedString(), maximumLength: 64) == nil)
    }
}
