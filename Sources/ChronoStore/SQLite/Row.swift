internal import CSQLite

/// The current row of a stepping statement. Valid only inside the `row` callback that receives it.
///
/// Columns are 0-based. Reading a column as the wrong type converts as SQLite does (`sqlite3_column_*`).
public struct Row: ~Copyable {
    let handle: OpaquePointer

    /// Whether column `index` is `NULL`.
    public func isNull(_ index: Int) -> Bool { sqlite3_column_type(self.handle, Int32(index)) == SQLITE_NULL }

    /// Column `index` as an integer.
    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(self.handle, Int32(index)) }

    /// Column `index` as an `Int`.
    public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(self.handle, Int32(index))) }

    /// Column `index` as a double.
    public func double(_ index: Int) -> Double { sqlite3_column_double(self.handle, Int32(index)) }

    /// Column `index` as text (empty for `NULL`).
    public func text(_ index: Int) -> String {
        guard let pointer = sqlite3_column_text(self.handle, Int32(index)) else { return "" }
        let length = Int(sqlite3_column_bytes(self.handle, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// Column `index` as bytes (empty for `NULL` and for an empty blob).
    public func blob(_ index: Int) -> [UInt8] {
        // `sqlite3_column_blob` first, then `sqlite3_column_bytes`, as the SQLite documentation orders them.
        guard let pointer = sqlite3_column_blob(self.handle, Int32(index)) else { return [] }
        let length = Int(sqlite3_column_bytes(self.handle, Int32(index)))
        return Array(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    /// Column `index` as text, or `nil` when `NULL`.
    public func optionalText(_ index: Int) -> String? { self.isNull(index) ? nil : self.text(index) }
}
