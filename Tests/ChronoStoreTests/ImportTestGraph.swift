import ChronoTesting
import Foundation

@testable import ChronoStore

/// A seeded random graph with events, written as a `Graph/` directory, for import tests; and a dump of
/// every table of a database, to compare two imports row by row.
struct ImportTestGraph {
    let graph: RandomGraph
    let events: Int
    let seed: UInt64

    /// Writes the graph under `directory/Graph` with `events.jsonl` added; returns the `Graph` URL.
    func write(to directory: URL) throws -> URL {
        let url = try self.graph.write(to: directory, vocabulary: Repository.url("Graph/vocabulary.json"))
        var generator = SeededGenerator(seed: self.seed)
        let dates = ["1915", "1918-12-06/1918-12-17", "2001-04", "1990~", "2007-05-01", "19XX", "2010/2012"]
        let roles = ["agent", "target", "party"]
        let lines = (0..<self.events).map { index -> String in
            let participants = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                let entity = self.graph.nodes.randomElement(using: &generator)!
                return #"{"entity":"\#(entity)","role":"\#(roles.randomElement(using: &generator)!)"}"#
            }
            let date = dates.randomElement(using: &generator)!
            let title = "Event \(index) caf\\u00e9 \\\"quoted\\\" ü"
            return #"{"record":"event","id":"ev-\#(index)","type":"other","title":"\#(title)","#
                + #""summary":"s \#(index)","date":{"edtf":"\#(date)"},"#
                + #""participants":[\#(participants.joined(separator: ","))],"#
                + #""citations":[{"doc":"d.txt","lines":[1,\#(Int.random(in: 1...10, using: &generator))]}]}"#
        }
        try (lines.joined(separator: "\n") + "\n")
            .write(to: url.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
        return url
    }

    /// Every row of every table (rowids included where they are visible), as text, table by table.
    /// Every table's rows, but not `graph_source`, which says where the content came from (checked on its own).
    static func dump(_ path: String) throws -> [String: [String]] {
        let connection = try Connection(path: path, readOnly: true)
        let tables = try connection.prepare(
            """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT LIKE 'search_%' AND name <> 'graph_source' ORDER BY name
            """
        ).map { $0.text(0) }
        var dump: [String: [String]] = [:]
        for table in tables {
            let columns = try connection.prepare("SELECT name FROM pragma_table_info('\(table)')").map { $0.text(0) }
            let withRowid = table == "events" ? ["rowid"] + columns : columns
            let row = withRowid.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
            dump[table] = try connection.prepare("SELECT \(row) FROM \"\(table)\" ORDER BY 1").map { $0.text(0) }
        }
        dump["sqlite_master"] = try connection.prepare(
            "SELECT type || '|' || name || '|' || coalesce(sql, '') FROM sqlite_master ORDER BY name"
        ).map { $0.text(0) }
        return dump
    }
}

extension ImportTestGraph {
    /// Loads `url` into a new database at `path` the way the loader did before it streamed: every record
    /// parsed first, the whole batch validated, then inserted in dependency order, in one transaction.
    static func referenceLoad(_ url: URL, into path: String) async throws {
        let store = try await GraphStore.open(path: path)
        let loader = GraphLoader(directory: url)
        let vocabulary = try loader.vocabulary()
        let records = try loader.records()
        try await store.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                try GraphValidator(vocabulary: vocabulary)
                    .validate(records, against: StoredGraphContent(connection: connection))
                try connection.cached("UPDATE meta SET value = 1 WHERE key = 'revision'").run()
                try GraphLoader.store(vocabulary, connection)
                let writer = RecordWriter(connection: connection, revision: 1)
                for located in RecordWriter.dependencyOrder(records) { try writer.insert(located.record) }
            }
        }
    }
}
