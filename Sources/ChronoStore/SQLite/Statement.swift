internal import CSQLite

/// A compiled SQL statement. Confined, like its connection, to one thread at a time.
///
/// It holds its connection `unowned`: statements never outlive the connection that prepared them.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL text.
    public let sql: String
    /// The name of each parameter without its prefix (`:ids` is `ids`), in index order; empty for `?`.
    private let parameterNames: [String]
    private unowned let connection: Connection

    /// Compiles `sql` (one statement) with `sqlite3_prepare_v3`.
    ///
    /// > SQLITE_PREPARE_PERSISTENT: a hint that the statement will be retained for a long time and probably
    /// > reused many times. (https://sqlite.org/c3ref/c_prepare_normalize.html)
    init(sql: String, connection: Connection, persistent: Bool) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, flags, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(code: code, connection: connection.handle, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.connection = connection
        self.parameterNames = (0..<Int(sqlite3_bind_parameter_count(handle))).map { index in
            sqlite3_bind_parameter_name(handle, Int32(index + 1)).map { String(String(cString: $0).dropFirst()) } ?? ""
        }
    }

    deinit {
        sqlite3_finalize(self.handle)
    }

    /// The number of parameters the SQL takes (the largest parameter index).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(self.handle)) }

    /// Resets, binds `values` (1-based, in order) and steps through every row, calling `row` for each.
    public func run(_ values: [SQLiteValue] = [], row: (borrowing Row) throws -> Void = { _ in }) throws {
        try self.scan(values) {
            try row($0)
            return true
        }
    }

    /// Resets, binds `values` (1-based, in order) and steps through the rows while `row` returns `true`: the
    /// rows after the one it refuses are never computed.
    public func scan(_ values: [SQLiteValue], while row: (borrowing Row) throws -> Bool) throws {
        sqlite3_reset(self.handle)
        sqlite3_clear_bindings(self.handle)
        defer { sqlite3_reset(self.handle) }
        try self.bind(values)
        while true {
            let code = sqlite3_step(self.handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw SQLiteError(code: code, connection: self.connection.handle, sql: self.sql)
            }
            guard try row(Row(handle: self.handle)) else { return }
        }
    }

    /// Resets, binds named parameters (`:name` → `values["name"]`) and steps through every row.
    public func run(named values: [String: SQLiteValue], row: (borrowing Row) throws -> Void = { _ in }) throws {
        try self.scan(self.ordered(values)) {
            try row($0)
            return true
        }
    }

    /// Resets, binds named parameters (`:name` → `values["name"]`) and steps through the rows while `row`
    /// returns `true`.
    public func scan(named values: [String: SQLiteValue], while row: (borrowing Row) throws -> Bool) throws {
        try self.scan(self.ordered(values), while: row)
    }

    /// `values` in parameter order; every parameter the SQL names must have one (a programmer error otherwise).
    private func ordered(_ values: [String: SQLiteValue]) -> [SQLiteValue] {
        self.parameterNames.map { name -> SQLiteValue in
            guard let value = values[name] else { preconditionFailure("no value for :\(name)") }
            return value
        }
    }

    /// Runs the statement and maps every row with `transform`.
    public func map<T>(_ values: [SQLiteValue] = [], _ transform: (borrowing Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try self.run(values) { row in results.append(try transform(row)) }
        return results
    }

    /// Runs the statement with named parameters and maps every row with `transform`.
    public func map<T>(named values: [String: SQLiteValue], _ transform: (borrowing Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try self.run(named: values) { row in results.append(try transform(row)) }
        return results
    }

    /// Runs the statement and maps its first row, if any.
    public func first<T>(_ values: [SQLiteValue] = [], _ transform: (borrowing Row) throws -> T) throws -> T? {
        var result: T?
        try self.run(values) { row in
            if result == nil { result = try transform(row) }
        }
        return result
    }

    private func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(self.handle))
        precondition(values.count == expected, "statement expects \(expected) values, got \(values.count)")
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(self.handle, index)
            case .integer(let number): code = sqlite3_bind_int64(self.handle, index, number)
            case .real(let number): code = sqlite3_bind_double(self.handle, index, number)
            case .text(let text): code = sqlite3_bind_text(self.handle, index, text, -1, csqlite_transient())
            case .blob(let bytes):
                code = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(self.handle, index, $0.baseAddress, Int32($0.count), csqlite_transient())
                }
            }
            guard code == SQLITE_OK else {
                throw SQLiteError(code: code, connection: self.connection.handle, sql: self.sql)
            }
        }
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
