import ChronoHTTP
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

/// `GET /v1/documents/lines` reads cited lines in place from the documents folder, refuses names that are
/// not plain file names, and says plainly when no folder was given.
@Suite(.heavy, .timeLimit(.minutes(2))) struct DocumentLinesTests {
    @Test func linesComeFromTheFolderAndNothingOutsideIt() async throws {
        let directory = try TemporaryDirectory(prefix: "chronograph-docs")
        defer { directory.remove() }
        let folder = directory.url
        let text = (1...10).map { "line \($0) — “quoted”" }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("doc_1.txt"))
        try Data("secret\n".utf8).write(to: folder.deletingLastPathComponent().appendingPathComponent("outside.txt"))
        let fixture = try await GatewayFixture.start(configuration: HTTPConfiguration(documents: folder))
        do {
            let lines = try await fixture.get("/v1/documents/lines?doc=doc_1.txt&from=3&to=4")
            #expect(lines.code == 200)
            let excerpt = try lines.frame
            #expect(
                excerpt["lines"] == [["n": 3, "text": "line 3 — “quoted”"], ["n": 4, "text": "line 4 — “quoted”"]]
            )
            let clipped = try await fixture.get("/v1/documents/lines?doc=doc_1.txt&from=9&to=30")
            #expect(try clipped.frame["to"] == 10)
            for name in ["../outside.txt", "..%2Foutside.txt", ".hidden", "a/b.txt", "%2Fetc%2Fpasswd"] {
                let refused = try await fixture.get("/v1/documents/lines?doc=\(name)&from=1&to=1")
                #expect(refused.code == 400, "\(name)")
                #expect(try refused.frame["status"]?.stringValue == "INVALID_ARGUMENT", "\(name)")
            }
            let missing = try await fixture.get("/v1/documents/lines?doc=nope.txt&from=1&to=1")
            #expect(missing.code == 404)
            let backwards = try await fixture.get("/v1/documents/lines?doc=doc_1.txt&from=5&to=2")
            #expect(backwards.code == 400)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    @Test func withoutAFolderTheAnswerSaysSo() async throws {
        let fixture = try await GatewayFixture.start()
        do {
            let answer = try await fixture.get("/v1/documents/lines?doc=doc_1.txt&from=1&to=2")
            #expect(answer.code == 400)
            #expect(try answer.frame["status"]?.stringValue == "FAILED_PRECONDITION")
            #expect(try answer.frame["message"]?.stringValue?.contains("--documents") == true)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }
}
