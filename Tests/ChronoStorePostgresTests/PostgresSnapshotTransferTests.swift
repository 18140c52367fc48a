import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoStore
import ChronoStorePostgres
import ChronoTesting
import Foundation
import Testing

/// PostgreSQL's daemon takes an archive in pieces (`Snapshot/Import`) and streams it back (`Snapshot/Export`)
/// exactly as SQLite's does.
@Suite(
    "PostgreSQL moves snapshot archives in pieces as SQLite does",
    .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped),
    .timeLimit(.minutes(2))
)
struct PostgresSnapshotTransferTests {
    /// The data frames' `data` and the terminal result of `Snapshot/Export` of `id`.
    static func export(_ id: String, port: Int) async throws -> [JSONValue] {
        let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
        var frames: [JSONValue] = []
        for try await frame in client.stream(.snapshotExport, params: ["id": .string(id)]) {
            switch frame {
            case .data(let data): frames.append(data.data)
            case .terminal(let response): frames.append(response.result ?? .string(response.status.rawValue))
            }
        }
        try await client.close()
        return frames
    }

    @Test func anArchiveUploadedInPiecesIsStoredAndStreamsBackAsFromSQLite() async throws {
        try await ServicePair.with(graph: Repository.url("Graph")) { pair in
            let manifest = try await pair.sqlite.createSnapshot()
            let fromSQLite = try await withServer(.serving(live: pair.sqlite)) { port in
                try await Self.export(manifest.id, port: port)
            }
            let wireManifest = try #require(fromSQLite.last?["manifest"])
            let bytes = fromSQLite.dropLast().compactMap { $0["data"]?.stringValue.flatMap { Data(base64Encoded: $0) } }
                .reduce(Data(), +)
            let (answers, fromPostgres) = try await withServer(.serving(live: pair.postgres)) { port in
                let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
                var answers: [Response] = []
                for offset in stride(from: 0, to: bytes.count, by: 20_000) {
                    let piece = bytes[offset..<min(offset + 20_000, bytes.count)]
                    let params: [String: JSONValue] = [
                        "manifest": wireManifest, "data": .string(piece.base64EncodedString()),
                        "offset": .int(Int64(offset)),
                    ]
                    answers.append(try await client.call(.snapshotImport, params: params))
                }
                try await client.close()
                return (answers, try await Self.export(manifest.id, port: port))
            }
            #expect(answers.count > 1)
            #expect(answers.allSatisfy { $0.status == .ok })
            #expect(answers.last?.result?["manifest"] == wireManifest)
            #expect(try await pair.postgres.snapshots() == [manifest])
            #expect(fromPostgres == fromSQLite)
        }
    }
}
