internal import CSQLite
public import ChronoProtocol

/// An error reported by SQLite: its extended result code, its message and the SQL that failed.
///
/// `description` never includes bound values. Related SQLite documentation: https://sqlite.org/rescode.html
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The extended result code (e.g. 2067, `SQLITE_CONSTRAINT_UNIQUE`).
    public var code: Int32
    /// SQLite's message (`sqlite3_errmsg`), or the code's generic text.
    public var message: String
    /// The statement that failed, if any.
    public var sql: String?

    /// Creates an error.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// Reads the latest error of `connection` (or the generic text of `code` when there is no connection).
    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let useExtended = extended & 0xff == code & 0xff
        let message =
            connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: useExtended ? extended : code, message: message, sql: sql)
    }

    /// The primary result code (the low byte of `code`, e.g. 19 `SQLITE_CONSTRAINT`).
    public var primaryCode: Int32 { self.code & 0xff }

    public var description: String {
        "SQLite error \(self.code): \(self.message)" + (self.sql.map { " (in \"\($0)\")" } ?? "")
    }
}

extension SQLiteError {
    /// `SQLITE_BUSY`.
    public static let busy: Int32 = 5
    /// `SQLITE_LOCKED`.
    public static let locked: Int32 = 6
    /// `SQLITE_READONLY`.
    public static let readonly: Int32 = 8
    /// `SQLITE_INTERRUPT`.
    public static let interrupt: Int32 = 9
    /// `SQLITE_CORRUPT`.
    public static let corrupt: Int32 = 11
    /// `SQLITE_FULL`.
    public static let full: Int32 = 13
    /// `SQLITE_CONSTRAINT`.
    public static let constraint: Int32 = 19
    /// `SQLITE_NOTADB`.
    public static let notADatabase: Int32 = 26
    /// `SQLITE_CONSTRAINT_FOREIGNKEY` (extended).
    public static let constraintForeignKey: Int32 = 787
    /// `SQLITE_CONSTRAINT_PRIMARYKEY` (extended).
    public static let constraintPrimaryKey: Int32 = 1555
    /// `SQLITE_CONSTRAINT_UNIQUE` (extended).
    public static let constraintUnique: Int32 = 2067
}

extension SQLiteError: StatusConvertible {
    /// Busy/locked → UNAVAILABLE, full → RESOURCE_EXHAUSTED, read-only → FAILED_PRECONDITION,
    /// corrupt → DATA_LOSS, interrupt → CANCELLED, anything else → INTERNAL. Never carries SQL.
    public var status: ChronoError {
        switch self.primaryCode {
        case Self.busy, Self.locked: .unavailable("the database is busy; try again")
        case Self.full: .resourceExhausted("the database is full")
        case Self.readonly: .failedPrecondition("the database is read-only")
        case Self.corrupt, Self.notADatabase: .dataLoss("the database is corrupt")
        case Self.interrupt: .cancelled("the query was interrupted")
        default: .internal()
        }
    }
}
