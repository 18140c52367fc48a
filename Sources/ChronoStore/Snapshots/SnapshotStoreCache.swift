internal import Foundation

/// Databases unpacked from snapshots for `as_of` reads, by snapshot id; the least recently used beyond
/// `capacity` is dropped and its file deleted. Concurrent requests for one id share one build.
package actor SnapshotStoreCache {
    /// Most snapshot databases kept open.
    static let capacity = 4

    /// The daemon-owned directory the files live in, and the scratch files of snapshot steps (`scratchPath`).
    package nonisolated let directory: String
    private var entries: [String: Task<GraphStore, any Error>] = [:]
    private var recent: [String] = []

    package init(directory: String) {
        self.directory = directory
    }

    /// The store for snapshot `id`, built with `build(path)` on first use.
    package func store(
        for id: String,
        build: @escaping @Sendable (String) async throws -> GraphStore
    ) async throws -> GraphStore {
        let task: Task<GraphStore, any Error>
        if let existing = self.entries[id] {
            task = existing
        } else {
            let path = try self.scratchPath("asof-\(id)", suffix: "sqlite")
            task = Task { try await build(path) }
            self.entries[id] = task
            self.evict(keeping: id)
        }
        self.recent.removeAll { $0 == id }
        self.recent.append(id)
        do {
            return try await task.value
        } catch {
            if self.entries[id] == task { self.entries[id] = nil }
            throw error
        }
    }

    /// A new path in `directory` (created if needed): `<prefix>-<uuid>.<suffix>`.
    package nonisolated func scratchPath(_ prefix: String, suffix: String) throws -> String {
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        return "\(self.directory)/\(prefix)-\(UUID().uuidString).\(suffix)"
    }

    private func evict(keeping id: String) {
        while self.entries.count > Self.capacity, let oldest = self.recent.first(where: { $0 != id }) {
            self.recent.removeAll { $0 == oldest }
            if let task = self.entries.removeValue(forKey: oldest) {
                Task { if let store = try? await task.value { SnapshotDatabase.remove(store.path) } }
            }
        }
    }
}
