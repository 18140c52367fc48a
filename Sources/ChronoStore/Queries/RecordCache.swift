package import ChronoGraph
internal import Foundation

/// A value a `RecordCache` keeps, with what it costs to keep.
protocol CachedRecord: Sendable {
    /// About how many bytes of memory the value takes, its id and the cache's own entry included.
    var cachedBytes: Int { get }
}

/// Records a store's calls have read, by id, kept for the calls after them: a 2-hop neighbourhood meets some
/// 200 entities and 200 relations, and reading each one's reference and stored edge was a seek in a B-tree
/// (half the call's instructions at 10^5 events, and at 10^6 a page or two missed in memory each).
///
/// Invariant: every entry is the record as it was at `revision`. Every change to the graph, of any kind,
/// commits a newer revision, so a call reading at `revision` takes entries as they are and adds those it
/// reads; a call at a newer revision first moves the cache there (`advance`), dropping the records changed in
/// between, or all of them where that is not known; a call at an older revision (a read transaction begun
/// before a commit) reads around it. Entries take at most `budget` bytes (`CachedRecord.cachedBytes`): once
/// full, the cache keeps what it has, less what changes.
///
/// `@unchecked Sendable`: `state` is only touched under `lock` (an `NSLock`, which ThreadSanitizer follows; it
/// reported `Synchronization.Mutex`'s accesses as races).
final class RecordCache<Value: CachedRecord>: @unchecked Sendable {
    private struct State {
        var revision: Int64 = 0
        var values: [String: Value] = [:]
        var bytes = 0
        /// Set when a value was refused for want of room, until entries are dropped.
        var full = false

        /// Moves the cache to `revision` when that is newer, dropping the records with the ids in `changed`
        /// (all when `nil`); whether it is now at `revision`. What is dropped is handed back, to be freed
        /// outside the lock.
        mutating func move(to revision: Int64, dropping changed: Set<String>?, into dropped: inout [Value]) -> Bool {
            guard self.revision < revision else { return self.revision == revision }
            self.revision = revision
            if let changed {
                for id in changed {
                    guard let value = self.values.removeValue(forKey: id) else { continue }
                    self.bytes -= value.cachedBytes
                    dropped.append(value)
                    self.full = false
                }
            } else {
                dropped = Array(self.values.values)
                self.values.removeAll(keepingCapacity: true)
                self.bytes = 0
                self.full = false
            }
            return true
        }

        /// Keeps `value` under `id` if `budget` allows.
        mutating func keep(_ value: Value, id: String, budget: Int) {
            guard self.values[id] == nil else { return }
            guard self.bytes + value.cachedBytes <= budget else {
                self.full = true
                return
            }
            self.values[id] = value
            self.bytes += value.cachedBytes
        }
    }

    /// The most bytes the entries take.
    let budget: Int
    private let lock = NSLock()
    private var state = State()

    init(budget: Int) {
        self.budget = budget
    }

    /// Runs `body` on the state under the lock.
    private func withState<T>(_ body: (inout State) throws -> T) rethrows -> T {
        try self.lock.withLock { try body(&self.state) }
    }

    /// The records with `ids` that exist at `revision`, in the order of `ids` (`nil` where none does): those
    /// kept, and the rest from `read` (given the ids not kept, distinct), which are then kept.
    func values(
        _ ids: [String],
        at revision: Int64,
        read: ([String]) throws -> [String: Value]
    ) throws -> [Value?] {
        var values: [Value?] = []
        values.reserveCapacity(ids.count)
        var missing: [String] = []
        var listed: Set<String> = []
        var dropped: [Value] = []
        let current = self.withState { state in
            guard state.move(to: revision, dropping: nil, into: &dropped) else { return false }
            for id in ids {
                let value = state.values[id]
                if value == nil, listed.insert(id).inserted { missing.append(id) }
                values.append(value)
            }
            return true
        }
        guard current else {
            let read = try read(Array(Set(ids)))
            return ids.map { read[$0] }
        }
        guard !missing.isEmpty else { return values }
        let read = try read(missing)
        self.keep(read, at: revision)
        for index in values.indices where values[index] == nil { values[index] = read[ids[index]] }
        return values
    }

    /// Keeps `values`, read at `revision` (a store's prewarming reads every record's), as far as `budget`
    /// allows.
    func keep(_ values: [String: Value], at revision: Int64) {
        var dropped: [Value] = []
        self.withState { state in
            guard state.move(to: revision, dropping: nil, into: &dropped) else { return }
            for (id, value) in values { state.keep(value, id: id, budget: self.budget) }
        }
    }

    /// The revision the entries are at.
    var revision: Int64 { self.withState { $0.revision } }

    /// Whether the cache has refused a record for want of room since it last dropped any: records not kept
    /// are then likely to stay so.
    var isFull: Bool { self.withState { $0.full } }

    /// Forgets every record and the revision, as a new cache would (the records freed outside the lock).
    func reset() {
        _ = self.withState { state in
            let forgotten = state
            state = State()
            return forgotten
        }
    }

    /// Moves the cache to `revision` if that is newer, dropping the records with the ids in `changed`, which
    /// must name every record changed since the cache's revision (all are dropped when `nil`).
    func advance(to revision: Int64, dropping changed: Set<String>?) {
        var dropped: [Value] = []
        _ = self.withState { state in state.move(to: revision, dropping: changed, into: &dropped) }
    }
}

extension EntityRef: CachedRecord {
    var cachedBytes: Int { 2 * self.id.utf8.count + self.name.utf8.count + 96 }
}

extension EncodedEdge: CachedRecord {
    var cachedBytes: Int { 2 * self.id.utf8.count + self.json.count + 128 }
}

/// What a reader shares of its store's caches: the caches, the revision it reads at, and where it reads the
/// relations of nodes they do not hold.
typealias ReaderCaches = (records: StoreCaches, revision: Int64, rows: any NodeRelationRows)

/// The records a store keeps between calls: entities' references, relations' stored edges, and each node's
/// relations (`NodeRelations`).
package struct StoreCaches: Sendable {
    /// `hubDegree` unless a test sets another.
    static let defaultHubDegree = 1_024

    let refs: RecordCache<EntityRef>
    let edges: RecordCache<EncodedEdge>
    let relations: RecordCache<NodeRelations>
    /// The most relations one way of a node kept whole (`NodeRelations`); a node with more is a hub, read a
    /// page at a time.
    let hubDegree: Int

    init(
        refs: RecordCache<EntityRef>,
        edges: RecordCache<EncodedEdge>,
        relations: RecordCache<NodeRelations>,
        hubDegree: Int = Self.defaultHubDegree
    ) {
        self.refs = refs
        self.edges = edges
        self.relations = relations
        self.hubDegree = hubDegree
    }

    /// Caches that take at most `bytes` together: an eighth for references, a quarter for nodes' relations and
    /// the rest for edges (a generated graph of 10^6 events needs about 16 MB for every entity's reference,
    /// about 120 MB for every node's relations and 270 MB for every relation's edge, by `cachedBytes`).
    package init(bytes: Int) {
        let total = max(0, bytes)
        self.init(
            refs: RecordCache(budget: total / 8),
            edges: RecordCache(budget: total - total / 8 - total / 4),
            relations: RecordCache(budget: total / 4)
        )
    }

    /// Forgets every record and revision, as new caches would: for a store whose revisions may now name
    /// another history.
    package func reset() {
        self.refs.reset()
        self.edges.reset()
        self.relations.reset()
    }

    /// The most commits, and changes, read from the change log to keep the caches across them; past that they
    /// are emptied.
    package static let changesRead = 4_096

    /// One row of a store's change log: a record of `kind` with `id` changed by the commit of `revision`.
    package typealias LoggedChange = (revision: Int64, kind: RecordKind, id: String)

    /// Moves the caches to `revision` when it is newer, dropping what the change log says changed since:
    /// entities' references, relations' edges, and every node's relations when any relation changed.
    /// `changeLog(after, limit)` reads the log's rows for the commits after `after` through `revision`, at
    /// most `limit`. Everything is dropped where the log cannot tell: a commit in between logged nothing (a
    /// graph loaded whole logs no changes; compaction drops them), or there are more than `changesRead`
    /// commits or changes to read.
    package func advance(
        to revision: Int64,
        changeLog: (_ after: Int64, _ limit: Int) throws -> [LoggedChange]
    ) rethrows {
        let oldest = min(self.refs.revision, self.edges.revision, self.relations.revision)
        guard oldest < revision else { return }
        var changed: [RecordKind: Set<String>]?
        if revision - oldest <= Self.changesRead {
            let rows = try changeLog(oldest, Self.changesRead + 1)
            if rows.count <= Self.changesRead, Set(rows.map(\.revision)).count == revision - oldest {
                changed = Dictionary(grouping: rows, by: \.kind).mapValues { Set($0.map(\.id)) }
            }
        }
        self.refs.advance(to: revision, dropping: changed.map { $0[.entity] ?? [] })
        self.edges.advance(to: revision, dropping: changed.map { $0[.relation] ?? [] })
        // A changed relation moves in the lists of its old ends and its new ones; the old are not known.
        let relationsChanged = changed.map { !($0[.relation] ?? []).isEmpty } ?? true
        self.relations.advance(to: revision, dropping: relationsChanged ? nil : [])
    }
}
