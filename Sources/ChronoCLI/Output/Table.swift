/// Rows of text under named columns: the common shape of table, CSV and Markdown output.
public struct Table: Sendable, Hashable {
    /// One column of a table.
    public struct Column: Sendable, Hashable {
        /// The header (CSV uses it lowercased with `_` for spaces).
        public var title: String
        /// Whether the column appears only in CSV (ids, bounds and other detail for scripts).
        public var csvOnly: Bool
        /// Whether the column holds prose that wraps well (the default); such columns narrow first.
        public var wraps: Bool

        /// Creates a column.
        public init(_ title: String, csvOnly: Bool = false, wraps: Bool = true) {
            self.title = title
            self.csvOnly = csvOnly
            self.wraps = wraps
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The cells, one array per row, as many as there are columns.
    public var rows: [[String]]

    /// Creates a table; every row must have one cell per column.
    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table without its CSV-only columns.
    public var forPeople: Table {
        let keep = self.columns.indices.filter { !self.columns[$0].csvOnly }
        return Table(
            columns: keep.map { self.columns[$0] },
            rows: self.rows.map { row in keep.map { $0 < row.count ? row[$0] : "" } }
        )
    }
}
