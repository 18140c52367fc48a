internal import Foundation

extension GraphLoader {
    /// SQLite's page cache while building, in KiB (a fixed bound, whatever the graph's size).
    static let buildCacheKiB = 131_072

    /// Builds a new database file at `path` from the graph, on a thread of its own.
    ///
    /// The file is written as `path` + `.importing`, without a rollback journal, without syncing (nothing
    /// else can see it) and without SQLite's foreign key lookups (the loader checks every reference), then
    /// synced to disk, switched to WAL mode and renamed to `path`. So a
    /// database at `path` is always complete: an interrupted or failed build leaves only the
    /// `.importing` file, which the next build replaces.
    ///
    /// - Parameter progress: called on the building thread every few thousand records.
    /// - Throws: `GraphLoadError` naming the file and line of the first invalid record found, a
    ///   `SQLiteError`, or a file system error; `path` is then not created.
    @discardableResult
    public func build(database path: String, progress: GraphLoadProgressHandler? = nil) async throws -> Report {
        try await onOwnThread(named: "chronograph.store.build") {
            try self.buildNow(database: path, progress: progress)
        }
    }

    private func buildNow(database path: String, progress: GraphLoadProgressHandler?) throws -> Report {
        let temporary = path + ".importing"
        Self.remove(temporary)
        do {
            let report = try self.fill(temporary, progress: progress)
            try Self.synchronize(temporary)
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
            try? Self.synchronize(URL(fileURLWithPath: path).deletingLastPathComponent().path)
            return report
        } catch {
            Self.remove(temporary)
            throw error
        }
    }

    /// Creates the schema in a new file at `path` and loads the graph into it; the connection is closed on return.
    private func fill(_ path: String, progress: GraphLoadProgressHandler?) throws -> Report {
        let vocabulary = try self.vocabulary()
        let files = try self.files()
        return try Connection.bulkLoad(newFile: path, cacheKiB: Self.buildCacheKiB) { connection in
            try self.replaceContent(connection, vocabulary: vocabulary, files: files, progress: progress)
        }
    }

    /// Flushes the file or directory at `path` to disk.
    private static func synchronize(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GraphLoadError(.file(path), message: "cannot open the file to sync it")
        }
        defer { try? handle.close() }
        try handle.synchronize()
    }

    private static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
