import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono snapshot` and `--as-of` against the built `chronod`.
@Suite("chrono against a live chronod: snapshots and --as-of", .heavy, .serialized, .timeLimit(.minutes(1)))
struct LiveSnapshotTests {
    @Test("create, export (zcat prints the records), import, then diff against the live graph is empty")
    func roundTrip() async throws {
        let file = try WriteFixtures.file("", name: "graph.jsonl.gz")
        let (create, export, imported, diff) = try await LiveDaemon.with { daemon in
            let create = try await ChronoBinary.run(["snapshot", "create", "--format", "json"], port: daemon.port)
            let id = try Fixtures.parse(create.stdout).text("id")
            return (
                create,
                try await ChronoBinary.run(["snapshot", "export", id, file, "--format", "json"], port: daemon.port),
                try await ChronoBinary.run(["snapshot", "import", file, "--format", "json"], port: daemon.port),
                try await ChronoBinary.run(["snapshot", "diff", id, "--format", "ndjson"], port: daemon.port)
            )
        }
        #expect(create.status == 0, "\(create.stderr)")
        let manifest = try Fixtures.parse(create.stdout)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try Fixtures.parse(export.stdout) == manifest)
        let saved = try JSONDecoder().decode(
            JSONValue.self,
            from: try #require(FileManager.default.contents(atPath: file + ".manifest.json"))
        )
        #expect(saved == manifest)
        #expect(!FileManager.default.fileExists(atPath: file + ".partial"))
        let zcat = try await ProcessRunner.run("/usr/bin/env", ["zcat", file])
        #expect(zcat.status == 0, "\(zcat.stderr)")
        let lines = zcat.stdout.split(separator: "\n")
        #expect(lines.count == 44)
        #expect(Set(lines.map { try? Fixtures.parse(String($0)).text("record") }) == Set(ImportPlan.kinds))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try Fixtures.parse(imported.stdout).text("id") == manifest.text("id"))
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.isEmpty)
        #expect(diff.stderr.contains("no differences"))
    }

    @Test("after a later write, --as-of answers from the snapshot, diff lists the new event, restore removes it")
    func asOf() async throws {
        let (then, now, diff, restore, restored) = try await LiveDaemon.with { daemon in
            let create = try await ChronoBinary.run(["snapshot", "create", "--format", "json"], port: daemon.port)
            let id = try Fixtures.parse(create.stdout).text("id")
            let write = try await ChronoBinary.run(["write", "-"], port: daemon.port, input: WriteFixtures.event)
            #expect(write.status == 0, "\(write.stderr)")
            return (
                try await ChronoBinary.run(
                    ["timeline", "--from", "2030", "--mode", "within", "--as-of", id, "--format", "json"],
                    port: daemon.port
                ),
                try await ChronoBinary.run(
                    ["timeline", "--from", "2030", "--mode", "within", "--format", "json"],
                    port: daemon.port
                ),
                try await ChronoBinary.run(["snapshot", "diff", id, "--format", "csv"], port: daemon.port),
                try await ChronoBinary.run(["snapshot", "restore", id, "--format", "json"], port: daemon.port),
                try await ChronoBinary.run(["snapshot", "diff", id], port: daemon.port)
            )
        }
        #expect(then.status == 0, "\(then.stderr)")
        #expect(try Fixtures.parse(then.stdout).list("events").isEmpty)
        #expect(try Fixtures.parse(now.stdout).list("events").map { $0.text("id") } == ["2030-test-arrivals"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(
            try CSVReader.read(diff.stdout) == [["change", "kind", "id"], ["added", "event", "2030-test-arrivals"]]
        )
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try Fixtures.parse(restore.stdout)["deleted"]?.intValue == 1)
        #expect(restored.status == 0 && restored.stdout.isEmpty)
    }

    @Test("a snapshot of several pieces exports from one daemon and imports into another with the same manifest")
    func largeRoundTrip() async throws {
        let scratch = try TemporaryDirectory(prefix: "chrono-snapshot")
        defer { scratch.remove() }
        let graph = scratch.appending("graph")
        try FileManager.default.copyItem(at: LiveDaemon.fixtureGraph, to: graph)
        // Seeded hex summaries gzip to about half: an archive of about 750 KB, two import pieces of 512 KiB.
        var generator = SeededGenerator(seed: 5)
        let noise = (0..<1_500).map { index -> String in
            let summary = (0..<63).map { _ in String(generator.next() | 1 << 63, radix: 16) }.joined()
            return #"{"record":"entity","id":"noise-\#(index)","kind":"organisation","name":"Noise \#(index)","#
                + #""aliases":[],"summary":"\#(summary)","attributes":{},"#
                + #""citations":[{"doc":"doc-a.txt","lines":[1,2]}]}"#
        }
        try Data((noise.joined(separator: "\n") + "\n").utf8).write(to: graph.appendingPathComponent("noise.jsonl"))
        let file = scratch.appending("large.jsonl.gz").path
        let export = try await LiveDaemon.with(graph: graph) { daemon in
            let create = try await ChronoBinary.run(["snapshot", "create", "--format", "json"], port: daemon.port)
            let id = try Fixtures.parse(create.stdout).text("id")
            return try await ChronoBinary.run(["snapshot", "export", id, file, "--format", "json"], port: daemon.port)
        }
        #expect(export.status == 0, "\(export.stderr)")
        let manifest = try Fixtures.parse(export.stdout)
        let size = try #require(manifest["compressed_size"]?.intValue)
        #expect(size > 512 * 1024)
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int == Int(size))
        let (imported, listed) = try await LiveDaemon.with { daemon in
            (
                try await ChronoBinary.run(["snapshot", "import", file, "--format", "json"], port: daemon.port),
                try await ChronoBinary.run(["snapshot", "list", "--format", "json"], port: daemon.port)
            )
        }
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try Fixtures.parse(imported.stdout) == manifest)
        #expect(try Fixtures.parse(listed.stdout).list("snapshots") == [manifest])
    }

    @Test("an export that fails leaves neither FILE nor FILE.partial")
    func failedExport() async throws {
        let file = try WriteFixtures.file("", name: "missing.jsonl.gz")
        try FileManager.default.removeItem(atPath: file)
        let run = try await LiveDaemon.with {
            try await ChronoBinary.run(["snapshot", "export", "r9-000000000000", file], port: $0.port)
        }
        #expect(run.status == 66, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(!FileManager.default.fileExists(atPath: file + ".partial"))
    }

    @Test("--as-of an unknown snapshot is NOT_FOUND (exit 66)")
    func unknownSnapshot() async throws {
        let run = try await LiveDaemon.with {
            try await ChronoBinary.run(["stats", "--as-of", "r9-000000000000"], port: $0.port)
        }
        #expect(run.status == 66)
        #expect(run.stderr.contains("r9-000000000000"))
    }
}
