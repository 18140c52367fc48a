internal import Foundation
internal import PostgresNIO

/// Rows of one table written set-wise: each chunk of rows travels as one JSON array of arrays in one bound
/// parameter and is inserted by one `INSERT … SELECT … FROM jsonb_array_elements($1)` in row order, so a table
/// of any size costs one round trip per `chunkSize` rows, and NULLs need no separate mask.
struct BulkInsert {
    /// Rows per statement.
    static let chunkSize = 5_000

    /// One value of a row.
    enum Value: Encodable {
        case text(String)
        case integer(Int64)
        case real(Double)
        case null

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .integer(let integer): try container.encode(integer)
            case .real(let real): try container.encode(real)
            case .null: try container.encodeNil()
            }
        }

        static func int(_ integer: Int) -> Value { .integer(Int64(integer)) }
        static func nullable(_ text: String?) -> Value { text.map { .text($0) } ?? .null }
        static func nullable(_ integer: Int64?) -> Value { integer.map { .integer($0) } ?? .null }
        static func nullable(_ real: Double?) -> Value { real.map { .real($0) } ?? .null }
    }

    let table: String
    /// Column names, and for each the SQL that computes it from `r`, the row as a JSON array.
    let columns: [(name: String, value: String)]
    private(set) var rows: [[Value]] = []

    /// A table whose columns are the row's values in order, each cast to its SQL type.
    init(_ table: String, _ columns: [(name: String, type: String)]) {
        self.table = table
        self.columns = columns.enumerated().map { ($0.element.name, Self.field($0.offset, $0.element.type)) }
    }

    /// A table whose columns are computed by the given SQL expressions over `r`.
    init(_ table: String, computing columns: [(name: String, value: String)]) {
        self.table = table
        self.columns = columns
    }

    /// The SQL for value `index` of the row as `type` (JSON null becomes SQL NULL).
    static func field(_ index: Int, _ type: String) -> String { "(r->>\(index))::\(type)" }

    mutating func append(_ row: [Value]) {
        self.rows.append(row)
    }

    /// Inserts the rows, `chunkSize` per statement, in the order appended.
    func write(_ session: PostgresSession) throws {
        let sql = """
            INSERT INTO \(self.table)(\(self.columns.map(\.name).joined(separator: ", ")))
            SELECT \(self.columns.map(\.value).joined(separator: ", "))
            FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(r, n) ORDER BY n
            """
        let encoder = JSONEncoder()
        var start = 0
        while start < self.rows.count {
            let chunk = self.rows[start..<min(start + Self.chunkSize, self.rows.count)]
            var binds = PostgresBindings()
            binds.append(String(decoding: try encoder.encode(Array(chunk)), as: UTF8.self))
            try session.query(sql, binds)
            start += Self.chunkSize
        }
    }
}
