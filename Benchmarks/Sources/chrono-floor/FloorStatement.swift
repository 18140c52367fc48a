import CSQLite

/// One prepared statement, reused for every call of one query on one connection.
final class FloorStatement {
    private let handle: OpaquePointer
    private let database: OpaquePointer

    init(_ database: OpaquePointer, _ sql: String) throws(FloorError) {
        var handle: OpaquePointer?
        guard sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil) == SQLITE_OK,
            let handle
        else { throw FloorError.sqlite(String(cString: sqlite3_errmsg(database)), sql: sql) }
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(self.handle) }

    /// Binds `values` (Int64 or String, in order) and calls `body` for every row.
    func run(_ values: [FloorValue], _ body: (FloorRow) throws(FloorError) -> Void) throws(FloorError) {
        sqlite3_reset(self.handle)
        sqlite3_clear_bindings(self.handle)
        for (index, value) in values.enumerated() {
            switch value {
            case .integer(let number): sqlite3_bind_int64(self.handle, Int32(index + 1), number)
            case .text(let text): sqlite3_bind_text(self.handle, Int32(index + 1), text, -1, csqlite_transient())
            }
        }
        while true {
            let code = sqlite3_step(self.handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw FloorError.sqlite(String(cString: sqlite3_errmsg(self.database)), sql: "step")
            }
            try body(FloorRow(handle: self.handle))
        }
        sqlite3_reset(self.handle)
    }
}
