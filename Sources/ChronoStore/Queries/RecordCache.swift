internal import ChronoGraph
internal import Synchronization

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
/// reads; the first call at a newer revision empties the cache and moves it there; a call at an older
/// revision (a read transaction begun before a commit) reads around it. Entries take at most `budget`
/// bytes (`CachedRecord.cachedBytes`): once full, the cache keeps what it has until the graph changes.
final class RecordCache<Value: CachedRecord>: Sendable {
    private struct State {
        var revision: Int64 = 0
        var values: [String: Value] = [:]
        var bytes = 0

        /// Empties the cache and moves it to `revision` when that is newer; whether it is now at `revision`.
        mutating func moveTo(_ revision: Int64) -> Bool {
            if self.revision < revision {
                self.revision = revision
                self.values.removeAll(keepingCapacity: true)
                self.bytes = 0
            }
            return self.revision == revision
        }

        /// Keeps `value` under `id` if `budget` allows.
        mutating func keep(_ value: Value, id: String, budget: Int) {
            guard self.values[id] == nil, self.bytes + value.cachedBytes <= budget else { return }
            self.values[id] = value
            self.bytes += value.cachedBytes
        }
    }

    /// The most bytes the entries take.
    let budget: Int
    private let state = Mutex(State())

    init(budget: Int) {
        self.budget = budget
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
        let current = self.state.withLock { state in
            guard state.moveTo(revision) else { return false }
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
        self.state.withLock { state in
            guard state.moveTo(revision) else { return }
            for (id, value) in values { state.keep(value, id: id, budget: self.budget) }
        }
    }
}

extension EntityRef: CachedRecord {
    var cachedBytes: Int { 2 * self.id.utf8.count + self.name.utf8.count + 96 }
}

extension EncodedEdge: CachedRecord {
    var cachedBytes: Int { 2 * self.id.utf8.count + self.json.count + 128 }
}

/// The records a store keeps between calls: entities' references and relations' stored edges.
struct StoreCaches: Sendable {
    let refs: RecordCache<EntityRef>
    let edges: RecordCache<EncodedEdge>
}
