internal import CSQLite

/// One blob column value opened for incremental I/O (`sqlite3_blob_open`), read or written a piece at a time so
/// that a large value is never one array in memory. Confined, like its connection, to one thread at a time.
///
/// Only rowid tables support it, and its size is fixed when the row is written (`zeroblob(N)` reserves it).
/// It holds its connection: a blob handle never outlives the connection that opened it.
final class Blob {
    private let handle: OpaquePointer
    private let connection: Connection
    /// The value's size in bytes.
    let count: Int

    /// Opens column `column` of row `rowid` of `table` in the main database, for writing when `writable`.
    init(_ connection: Connection, table: String, column: String, rowid: Int64, writable: Bool) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_blob_open(connection.handle, "main", table, column, rowid, writable ? 1 : 0, &handle)
        guard code == SQLITE_OK, let handle else {
            // > Even if an error occurs, the handle must be closed (it is a no-op on NULL).
            // > (https://sqlite.org/c3ref/blob_open.html)
            let error = SQLiteError(code: code, connection: connection.handle)
            sqlite3_blob_close(handle)
            throw error
        }
        self.handle = handle
        self.connection = connection
        self.count = Int(sqlite3_blob_bytes(handle))
    }

    deinit {
        sqlite3_blob_close(self.handle)
    }

    /// The `count` bytes from `offset` (both within the value).
    func read(at offset: Int, count: Int) throws(SQLiteError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let code = bytes.withUnsafeMutableBytes { buffer in
            sqlite3_blob_read(self.handle, buffer.baseAddress, Int32(count), Int32(offset))
        }
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: self.connection.handle) }
        return bytes
    }

    /// Overwrites the bytes from `offset` with `bytes` (which must fit within the value).
    func write(_ bytes: [UInt8], at offset: Int) throws(SQLiteError) {
        let code = bytes.withUnsafeBytes { buffer in
            sqlite3_blob_write(self.handle, buffer.baseAddress, Int32(buffer.count), Int32(offset))
        }
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: self.connection.handle) }
    }
}
