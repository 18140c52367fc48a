extension Connection {
    /// Page cache of each reader connection, in KiB (SQLite's default is 2,000): at 10^6 events the hot index
    /// pages of timeline and traversal reads no longer fit in 2 MB, and every miss is a `pread` and a copy.
    static let readerCacheKiB = 65_536
    /// How much of the database file each reader connection maps into memory (SQLite's `mmap_size`; Debian's
    /// library caps it at 0x7fff0000). Mapped pages are read in place from the OS page cache, which all readers
    /// share, instead of a `pread` and a copy into each connection's own cache for every miss: at 10^6 events a
    /// 1-hop call used 0.17-0.20 ms of CPU instead of 0.27-0.30 (`Tools/bench/sequential.py`, BENCHMARKS.md).
    /// Writers do not map: their pages go through the WAL.
    static let readerMapBytes = 1 << 31

    /// Opens a read-only connection to `path` with a reader's page cache and mapping.
    static func reader(path: String) throws -> Connection {
        let connection = try Connection(path: path, readOnly: true)
        try connection.execute("PRAGMA cache_size = -\(Self.readerCacheKiB)")
        try connection.execute("PRAGMA mmap_size = \(Self.readerMapBytes)")
        return connection
    }
}
