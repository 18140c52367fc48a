import ChronoClient
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

/// A corrected `Graph/` reaches a running service: on start, chronod commits the directory's differences as one
/// new revision, and refuses, naming the records, when live writes changed the same ones.
@Suite(.heavy, .timeLimit(.minutes(2))) struct GraphChangesTests {

    /// A copy of the repository's Graph/ and a database path in a scratch directory of their own.
    private struct Workspace {
        let directory: TemporaryDirectory
        var graph: URL { self.directory.appending("graph") }
        var arguments: [String] {
            ["--db", self.directory.databasePath, "--graph", self.graph.path]
        }

        init() throws {
            self.directory = try TemporaryDirectory(prefix: "chronod-graph-changes")
            try FileManager.default.copyItem(
                at: Repository.url("Graph"),
                to: self.graph
            )
        }

        func remove() {
            self.directory.remove()
        }

        /// The first event of events.jsonl with its title replaced by `title`, as a record to write.
        func firstEvent(retitled title: String) throws -> (id: String, record: JSONValue) {
            let file = self.graph.appendingPathComponent("events.jsonl")
            let first = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")[0]
            guard case .object(var members) = try JSONDecoder().decode(JSONValue.self, from: Data(first.utf8)),
                let id = members["id"]?.stringValue
            else { throw ChildProcess.Failure(description: "events.jsonl does not start with an event") }
            members["title"] = .string(title)
            return (id, .object(members))
        }

        /// Replaces the title of the first event of events.jsonl by `title` in the file; returns the event's id.
        @discardableResult
        func retitleFirstEvent(_ title: String) throws -> String {
            let file = self.graph.appendingPathComponent("events.jsonl")
            var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
            var event = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
            event["title"] = title
            lines[0] = String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            return try #require(event["id"] as? String)
        }
    }

    /// Runs chronod on the workspace with `extra` arguments, calls `body` with a client, then stops it and
    /// returns what `body` returned and the daemon's log.
    private static func serve<T: Sendable>(
        _ workspace: Workspace,
        _ extra: [String] = [],
        _ body: (ChronoClient) async throws -> T
    ) async throws -> (T, String) {
        let daemon = try await Chronod.start(arguments: workspace.arguments + extra)
        do {
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: daemon.port)
            let result = try await body(client)
            try await client.close()
            return (result, await daemon.stop().stderr)
        } catch {
            await daemon.stop()
            throw error
        }
    }

    private static func title(of id: String, _ client: ChronoClient) async throws -> String? {
        let page = try await client.call(.timelineQuery, params: ["limit": 500])
        guard case .array(let events)? = page.result?["events"] else { return nil }
        return events.first { $0["id"] == .string(id) }?["title"]?.stringValue
    }

    @Test func aChangedRecordIsServedAsANewRevisionAndASubscriberSeesIt() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (built, _) = try await Self.serve(workspace) { try await $0.call(.healthCheck).revision }
        let id = try workspace.retitleFirstEvent("A corrected title from the documents")
        let ((revision, title, change), log) = try await Self.serve(workspace) { client in
            let revision = try await client.call(.healthCheck).revision
            let title = try await Self.title(of: id, client)
            // A subscriber that last saw the build's revision is told of the correction like any write.
            let query: JSONValue = ["method": .string(MethodName.timelineQuery.rawValue), "params": ["limit": 500]]
            var frames = client.stream(.watchSubscribe, params: ["query": query, "since_revision": .int(built)])
                .makeAsyncIterator()
            var change: JSONValue?
            while change == nil, let frame = try await frames.next() {
                if case .data(let data) = frame, data.data["kind"] == "change" { change = data.data }
            }
            return (revision, title, change)
        }
        #expect(built == 1)
        #expect(revision == 2)
        #expect(title == "A corrected title from the documents")
        #expect(change?["revision"] == 2)
        #expect(change?["changed"]?.arrayValue?.contains { $0["id"] == .string(id) } == true)
        #expect(log.contains("committed as a new revision"))
        // Started again on the same directory: nothing new to take in.
        let (again, _) = try await Self.serve(workspace) { try await $0.call(.healthCheck).revision }
        #expect(again == 2)
    }

    @Test func aRecordChangedByALiveWriteAndInTheDirectoryIsReportedNotOverwritten() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (id, live) = try workspace.firstEvent(retitled: "A title written live")
        let (written, _) = try await Self.serve(workspace) { client in
            try await client.call(.factsWrite, params: ["upserts": [live]]).revision
        }
        try workspace.retitleFirstEvent("A title corrected in the directory")

        let refusal = try await Chronod.refusal(
            arguments: ["--host", "127.0.0.1", "--port", "0"] + workspace.arguments
        )
        #expect(refusal.status == 78)
        #expect(refusal.stderr.contains("event \"\(id)\""))
        #expect(refusal.stderr.contains("--resolve-graph-conflicts graph"))
        // Nothing was applied: the live write stands.
        let ((revision, kept), _) = try await Self.serve(workspace, ["--resolve-graph-conflicts", "database"]) {
            client in (try await client.call(.healthCheck).revision, try await Self.title(of: id, client))
        }
        #expect(written == 2)
        #expect(revision == 2)
        #expect(kept == "A title written live")
    }

    @Test func theDirectoryWinsWhenAskedToSettleAConflict() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (id, live) = try workspace.firstEvent(retitled: "A title written live")
        _ = try await Self.serve(workspace) { client in
            try await client.call(.factsWrite, params: ["upserts": [live]]).revision
        }
        try workspace.retitleFirstEvent("A title corrected in the directory")
        let ((revision, title), _) = try await Self.serve(workspace, ["--resolve-graph-conflicts", "graph"]) {
            client in (try await client.call(.healthCheck).revision, try await Self.title(of: id, client))
        }
        #expect(revision == 3)
        #expect(title == "A title corrected in the directory")
    }
}
