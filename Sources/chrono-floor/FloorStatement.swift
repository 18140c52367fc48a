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

/// A bound parameter.
enum FloorValue {
    case integer(Int64)
    case text(String)
}

/// The current row of a stepping statement.
struct FloorRow {
    let handle: OpaquePointer

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(self.handle, column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(self.handle, column) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(self.handle, column) else { return "" }
        return String(cString: bytes)
    }

    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(self.handle, column) == SQLITE_NULL ? nil : self.text(column)
    }
}

/// Why the floor failed.
enum FloorError: Error, CustomStringConvertible {
    case sqlite(String, sql: String)
    case request(String)

    var description: String {
        switch self {
        case .sqlite(let message, let sql): "sqlite: \(message) (\(sql.prefix(80)))"
        case .request(let message): message
        }
    }
}
