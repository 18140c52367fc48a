import CSQLite

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
