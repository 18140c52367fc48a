/// Why the floor failed.
enum FloorError: Error, CustomStringConvertible {
    case sqlite(String, sql: String)
    case request(String)

    var description: String {
        switch self {
        case .sqlite(let message, let sql): "sqlite: \(message) (\(sql.prefix(80)))"
        case .request(let message): message
        }
    }
}
