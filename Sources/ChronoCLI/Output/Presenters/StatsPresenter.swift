public import ChronoProtocol

/// Presents `Stats/Get` and `Health/Check` results as name/value rows.
public enum StatsPresenter {
    /// The presentation of a `Stats/Get` result: revision, counts, entities by kind and facts by document.
    public static func present(_ result: JSONValue) -> Presentation {
        var rows: [[String]] = [
            ["graph", "revision", result["revision"]?.scalarText ?? ""],
            ["graph", "schema version", result["schema_version"]?.scalarText ?? ""],
        ]
        for group in ["counts", "by_kind", "by_document"] {
            for (name, value) in (result[group]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                rows.append([group.replacingUnderscores, name, value.scalarText])
            }
        }
        let table = Table(columns: [.init("GROUP"), .init("NAME"), .init("VALUE")], rows: rows)
        return Presentation(result: result, table: table)
    }

    /// The presentation of a `Health/Check` result: status, revision and uptime.
    public static func presentHealth(_ result: JSONValue) -> Presentation {
        let uptime = result["uptime_ms"]?.intValue ?? 0
        let table = Table(
            columns: [.init("STATUS"), .init("REVISION"), .init("UPTIME"), .init("UPTIME MS", csvOnly: true)],
            rows: [
                [result.text("status"), result["revision"]?.scalarText ?? "", Self.duration(uptime), String(uptime)]
            ]
        )
        return Presentation(result: result, table: table)
    }

    /// Milliseconds as `2h 03m 04s`, `3m 04s` or `4.2s`.
    static func duration(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        if seconds < 60 {
            return "\(seconds).\(milliseconds % 1000 / 100)s"
        }
        let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        let twoDigits = { (value: Int64) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours)h \(twoDigits(minutes))m \(twoDigits(rest))s" : "\(minutes)m \(twoDigits(rest))s"
    }
}
