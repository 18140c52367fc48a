import Foundation

/// One benchmark request, parsed from a chronod request line (only the parameters the benchmark uses).
enum FloorRequest {
    case health
    /// A window of day ordinals (inclusive) and a page size.
    case timeline(lower: Int64, upper: Int64, limit: Int)
    case actorTimeline(actor: String, limit: Int)
    case search(text: String, limit: Int)
    /// The ranked search over every record kind (`chrono.v1.Search/Query`).
    case find(text: String, limit: Int)
    case neighbors(root: String, depth: Int, limit: Int)
    case path(from: String, to: String, maxDepth: Int)

    /// Parses one request line, naming the line and field on error.
    init(line: String, number: Int) throws(FloorError) {
        let text = line.replacingOccurrences(of: "$ID", with: "0")
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let method = object["method"] as? String
        else { throw FloorError.request("line \(number): not a request object with a method") }
        let params = object["params"] as? [String: Any] ?? [:]
        func string(_ key: String) throws(FloorError) -> String {
            guard let value = params[key] as? String else {
                throw FloorError.request("line \(number): params.\(key): expected a string")
            }
            return value
        }
        func int(_ key: String, _ fallback: Int) -> Int { (params[key] as? Int) ?? fallback }
        switch method {
        case "chrono.v1.Health/Check":
            self = .health
        case "chrono.v1.Timeline/Query":
            if let actors = params["actors"] as? [String], let actor = actors.first {
                self = .actorTimeline(actor: actor, limit: int("limit", 50))
            } else {
                self = .timeline(
                    lower: try Self.day(try string("from"), field: "from", line: number),
                    upper: try Self.day(try string("to"), field: "to", line: number),
                    limit: int("limit", 50)
                )
            }
        case "chrono.v1.Entity/Search":
            self = .search(text: try string("text"), limit: int("limit", 20))
        case "chrono.v1.Search/Query":
            self = .find(text: try string("text"), limit: int("limit", 20))
        case "chrono.v1.Graph/Neighbors":
            self = .neighbors(root: try string("id"), depth: int("depth", 1), limit: int("limit", 200))
        case "chrono.v1.Graph/Paths":
            self = .path(from: try string("from"), to: try string("to"), maxDepth: int("max_depth", 4))
        default:
            throw FloorError.request("line \(number): method \(method) is not a benchmark query")
        }
    }

    /// Days since 1970-01-01 of an ISO `YYYY-MM-DD` day (proleptic Gregorian).
    static func day(_ text: String, field: String, line: Int) throws(FloorError) -> Int64 {
        let parts = text.split(separator: "-").compactMap { Int64($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            throw FloorError.request("line \(line): params.\(field): expected YYYY-MM-DD, got \(text)")
        }
        // Howard Hinnant's days_from_civil.
        let year = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let month = parts[1]
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + parts[2] - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
