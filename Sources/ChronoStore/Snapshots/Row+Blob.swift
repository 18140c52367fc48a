internal import CSQLite

extension Row {
    /// Column `index` as bytes (empty for `NULL`).
    func blob(_ index: Int) -> [UInt8] {
        // > The pointer returned by sqlite3_column_blob() … is valid until … sqlite3_step() or
        // > sqlite3_reset() or sqlite3_finalize() is called. (https://sqlite.org/c3ref/column_blob.html)
        // Copied here, inside the row callback.
        let length = Int(sqlite3_column_bytes(self.handle, Int32(index)))
        guard length > 0, let pointer = sqlite3_column_blob(self.handle, Int32(index)) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: length))
    }
}
