internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import PostgresNIO

extension PostgresRows {
    /// One range query in timeline order `(lower, precision, id)` after the cursor. `lower >= cursor` is
    /// stated apart from the row comparison so the index on `(lower, precision, id)` bounds the scan.
    package func timelineKeys(_ request: TimelineKeyRequest) throws -> [TimelineKey] {
        var values: [PostgresValue] = [
            .bigint(request.window.lower), .bigint(request.window.upper), .bigint(request.after.lower),
            .bigint(Int64(request.after.precision)), .text(request.after.id), .bigint(Int64(request.limit) + 1),
        ]
        var conditions = [
            request.mode == .within ? TimelineSQL.within : TimelineSQL.overlaps, TimelineSQL.after,
        ]
        func bind(_ value: PostgresValue) -> String {
            values.append(value)
            return "$\(values.count)"
        }
        if !request.types.isEmpty { conditions.append("type = ANY(\(bind(.texts(request.types))))") }
        if let text = request.textMatches { conditions.append("id = ANY(\(bind(.texts(text))))") }
        for set in request.participantSets {
            conditions.append(
                "rowid IN (SELECT event FROM participants WHERE entity = ANY(\(bind(.texts(set)))))"
            )
        }
        if request.excludingWithin { conditions.append("NOT (\(TimelineSQL.within))") }
        let sql = """
            SELECT rowid, lower, precision, id FROM events WHERE \(conditions.joined(separator: " AND "))
            ORDER BY lower, precision, id COLLATE "C" LIMIT $6
            """
        return try self.rows(sql, values).map { row in
            let (key, lower, precision, id) = try row.decode((Int64, Int64, Int, String).self)
            return TimelineKey(key: key, cursor: TimelineCursor(lower: lower, precision: precision, id: id))
        }
    }
}

/// The fragments of timeline statements: `$1`/`$2` are the window's ends, `$3`…`$5` the cursor.
private enum TimelineSQL {
    static let overlaps = "fuzzy_lower <= $2 AND fuzzy_upper >= $1"
    static let within = "lower >= $1 AND upper <= $2"
    static let after = #"lower >= $3 AND (lower, precision, id COLLATE "C") > ($3, $4, $5)"#
}
