import ChronoClient
import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import Synchronization
import Testing

@testable import ChronoServer

/// A subscription whose commit feed changes epoch (the database failed over) ends with `ABORTED`, telling the
/// subscriber to resync, instead of following a history that may have lost revisions it was told of.
@Suite(.timeLimit(.minutes(1))) struct FailoverEpochTests {
    @Test func aSubscriptionEndsWithAbortedWhenTheEpochChanges() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let live = FailingOver(live: fixture.live)
        let box = OutcomeBox<(first: Frame?, terminal: Response?)>()
        try await withServer(.serving(live: live, configuration: LiveFixture.liveConfiguration)) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let params: [String: JSONValue] = [
                "query": ["method": .string(MethodName.timelineQuery.rawValue), "params": ["limit": 10]]
            ]
            var frames = client.stream(method: MethodName.watchSubscribe.rawValue, params: params).makeAsyncIterator()
            let first = try await frames.next()
            live.feed.failOver()
            var terminal: Response?
            while let frame = try await frames.next() {
                if case .terminal(let response) = frame { terminal = response }
            }
            try await client.close()
            box.outcome = (first, terminal)
        }
        let outcome = try #require(box.outcome)
        if case .data? = outcome.first {} else { Issue.record("the subscription did not start with a data frame") }
        let terminal = try #require(outcome.terminal)
        #expect(terminal.status == .aborted)
        #expect(terminal.message?.contains("failed over") == true)
    }
}

/// `LiveGraph` behind a commit feed whose epoch a test can change, as a promoted replica changes PostgreSQL's.
private struct FailingOver: GraphService {
    let live: LiveGraph
    let feed: EpochFeed

    init(live: LiveGraph) {
        self.live = live
        self.feed = EpochFeed(base: live.commits)
    }

    var current: any GraphReading { self.live.current }
    var commits: any CommitSource { self.feed }
    var scratchDirectory: String { self.live.scratchDirectory }
    func write(upserts: [JSONValue], retractions: [String]) async throws -> WriteReport {
        try await self.live.write(upserts: upserts, retractions: retractions)
    }
    func compact(through revision: Int64) async throws { try await self.live.compact(through: revision) }
    func reader(atRevision revision: Int64) async throws -> any GraphReading {
        try await self.live.reader(atRevision: revision)
    }
    func reader(asOf id: String) async throws -> any GraphReading { try await self.live.reader(asOf: id) }
    func createSnapshot() async throws -> SnapshotManifest { try await self.live.createSnapshot() }
    func snapshots() async throws -> [SnapshotManifest] { try await self.live.snapshots() }
    func archive(_ id: String) async throws -> SnapshotArchive { try await self.live.archive(id) }
    func importSnapshot(_ archive: SnapshotArchive) async throws -> SnapshotManifest {
        try await self.live.importSnapshot(archive)
    }
    func restore(_ id: String) async throws -> WriteReport { try await self.live.restore(id) }
    func diff(from: String, to: String?) async throws -> SnapshotDiff { try await self.live.diff(from: from, to: to) }
}

/// A commit feed that passes `base` through, with an epoch changed by `failOver()`.
private final class EpochFeed: CommitSource {
    let base: any CommitSource
    private let failovers = Atomic<Int>(0)

    init(base: any CommitSource) {
        self.base = base
    }

    func failOver() { self.failovers.add(1, ordering: .sequentiallyConsistent) }
    func listen() -> AsyncStream<Int64> { self.base.listen() }
    var latestRevision: Int64 { self.base.latestRevision }
    var epoch: String { "timeline-\(self.failovers.load(ordering: .sequentiallyConsistent))" }
}
