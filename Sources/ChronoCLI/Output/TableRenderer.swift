/// Lays a table out in aligned columns that fit a terminal's width, wrapping the widest cells.
public struct TableRenderer: Sendable {
    /// Columns available.
    public var width: Int
    /// Whether to make the header bold.
    public var colour: Bool

    /// Spaces between columns.
    static let gap = 2
    /// No column is squeezed below this many characters (or its header, if shorter).
    static let minimumColumn = 8

    /// Creates a renderer for a terminal of `width` columns.
    public init(width: Int, colour: Bool) {
        self.width = width
        self.colour = colour
    }

    /// The table as lines of text ending in `\n`; empty when the table has no rows.
    public func render(_ table: Table) -> String {
        guard !table.rows.isEmpty, !table.columns.isEmpty else { return "" }
        let widths = self.fit(table)
        var output = self.line(table.columns.map(\.title), widths: widths, header: true)
        for row in table.rows {
            output += self.line(row, widths: widths, header: false)
        }
        return output
    }

    /// Column widths: natural widths, then the widest column narrowed step by step until all fit.
    ///
    /// Prose columns (`wraps`) give way first; the others (ids, kinds, dates) only when prose alone cannot.
    func fit(_ table: Table) -> [Int] {
        var widths = table.columns.map(\.title.count)
        for row in table.rows {
            for (index, cell) in row.prefix(widths.count).enumerated() {
                let longest = cell.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
                widths[index] = max(widths[index], longest)
            }
        }
        let floors = table.columns.map { min(max($0.title.count, 1), Self.minimumColumn) }
        var excess = widths.reduce(0, +) + Self.gap * (widths.count - 1) - self.width
        let prose = Set(table.columns.indices.filter { table.columns[$0].wraps })
        for allowed in [prose, Set(table.columns.indices)] {
            while excess > 0 {
                let candidates = widths.indices.filter { allowed.contains($0) && widths[$0] > floors[$0] }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                let second = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? floors[widest]
                let step = max(1, min(excess, widths[widest] - max(second, floors[widest])))
                widths[widest] -= step
                excess -= step
            }
        }
        return widths
    }

    private func line(_ cells: [String], widths: [Int], header: Bool) -> String {
        let wrapped = widths.indices.map { index in
            TextWrapper.wrap(index < cells.count ? cells[index] : "", width: widths[index])
        }
        let height = wrapped.map(\.count).max() ?? 1
        var output = ""
        for lineIndex in 0..<height {
            var parts: [String] = []
            for (index, lines) in wrapped.enumerated() {
                let text = lineIndex < lines.count ? lines[lineIndex] : ""
                let isLast = index == wrapped.count - 1
                let padded = isLast ? text : text + String(repeating: " ", count: widths[index] - text.count)
                parts.append(header && self.colour ? ANSI.bold(padded) : padded)
            }
            var joined = parts.joined(separator: String(repeating: " ", count: Self.gap))
            while joined.hasSuffix(" ") {
                joined.removeLast()
            }
            output += joined + "\n"
        }
        return output
    }
}
