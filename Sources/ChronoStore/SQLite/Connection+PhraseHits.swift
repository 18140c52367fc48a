internal import CSQLite

extension Connection {
    /// The name of the FTS5 auxiliary function that tells which phrases of the query a row holds.
    static let phraseHits = "phrase_hits"
    /// The pointer type FTS5 hands its API under.
    private static let apiPointerType: StaticString = "fts5_api_ptr"

    /// Registers `phrase_hits(table)` on this connection: for the row being read, one digit per phrase of the
    /// MATCH expression, in the order the phrases appear in it (`"a"* OR ("b" OR "c")` has three): `0` when
    /// the row does not hold the phrase, else 1 + the index of the first column holding it. It lets one
    /// statement rank the rows and say which words each holds, and where.
    func registerPhraseHits() throws(SQLiteError) {
        // > To obtain a pointer to the fts5_api object, the application binds a pointer to a (fts5_api*) with
        // > the type "fts5_api_ptr" to "SELECT fts5(?1)" and steps it (https://sqlite.org/fts5.html#extending_fts5).
        // SQLite keeps the pointer type's name and compares it while the statement runs, so it must be a C
        // string that outlives the call: a static string, not a String bridged for the call alone.
        let type = UnsafeRawPointer(Self.apiPointerType.utf8Start).assumingMemoryBound(to: CChar.self)
        var api: UnsafeMutablePointer<fts5_api>?
        let statement = try self.prepare("SELECT fts5(?1)")
        let code = withUnsafeMutablePointer(to: &api) { pointer in
            let bound = sqlite3_bind_pointer(statement.handle, 1, pointer, type, nil)
            guard bound == SQLITE_OK else { return bound }
            let stepped = sqlite3_step(statement.handle)
            sqlite3_reset(statement.handle)
            return stepped == SQLITE_ROW ? SQLITE_OK : stepped
        }
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: self.handle) }
        guard let api, let create = api.pointee.xCreateFunction else {
            throw SQLiteError(code: SQLITE_ERROR, connection: self.handle, sql: "SELECT fts5(?1)")
        }
        let created = create(
            api,
            Self.phraseHits,
            nil,
            { extensionAPI, fts, context, _, _ in
                guard let extensionAPI, let count = extensionAPI.pointee.xPhraseCount,
                    let first = extensionAPI.pointee.xPhraseFirst
                else { return }
                let phrases = Int(count(fts))
                var flags = [UInt8](repeating: UInt8(ascii: "0"), count: phrases)
                for phrase in 0..<phrases {
                    var iterator = Fts5PhraseIter()
                    var column: Int32 = -1
                    var offset: Int32 = -1
                    if first(fts, Int32(phrase), &iterator, &column, &offset) == SQLITE_OK, (0..<9).contains(column) {
                        flags[phrase] = UInt8(ascii: "1") + UInt8(column)
                    }
                }
                flags.withUnsafeBufferPointer { buffer in
                    sqlite3_result_text(context, buffer.baseAddress, Int32(buffer.count), csqlite_transient())
                }
            },
            nil
        )
        guard created == SQLITE_OK else { throw SQLiteError(code: created, connection: self.handle) }
    }
}
