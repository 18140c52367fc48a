import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoStorePostgres
import ChronoTesting
import Foundation
import Testing

/// The same graph in SQLite and in a fresh PostgreSQL database, for comparing the two backends' answers.
struct BackendPair {
    let sqlite: any GraphReading
    let postgres: any GraphReading

    /// Loads `graph` (a `Graph/` directory) into a temporary SQLite store and a new PostgreSQL database, runs
    /// `body`, then drops the database and removes the store.
    static func with<T>(graph: URL, _ body: (BackendPair) async throws -> T) async throws -> T {
        let directory = try TemporaryDirectory(prefix: "backends")
        defer { directory.remove() }
        let sqlite = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: graph).load(into: sqlite)
        return try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            try await PostgresGraphImport(directory: graph).load(into: database.worker)
            let location = try PostgresLocation(parsing: PostgresTestServer.primary ?? "").with(database: database.name)
            let postgres = try await PostgresGraphStore.open(location, readers: 2)
            let result: Result<T, any Error>
            do {
                result = .success(try await body(BackendPair(sqlite: sqlite, postgres: postgres)))
            } catch {
                result = .failure(error)
            }
            await postgres.close()
            return try result.get()
        }
    }
}

/// What a backend answered: the wire form of the result, or the error it threw (its type and description).
enum Outcome: Hashable, CustomStringConvertible {
    case answer(JSONValue)
    case error(String)

    static func of<Query: GraphQuery>(_ query: Query, on store: some GraphReading) async -> Outcome {
        do {
            return .answer(try wireForm(try await store.run(query, deadline: nil)))
        } catch {
            return .error("\(type(of: error)): \(error)")
        }
    }

    /// The ids of the listed records, in order: each element of the result's first list (`results`, `events`,
    /// `disputes`, `figures`, …), by its `id` or the `id` of the record it wraps.
    var listedIDs: [String] {
        guard case .answer(.object(let members)) = self else { return [] }
        let list = members.keys.sorted().lazy.compactMap { key -> [JSONValue]? in
            if case .array(let elements) = members[key], !elements.isEmpty { return elements }
            return nil
        }.first
        return (list ?? []).compactMap(Self.id(of:))
    }

    private static func id(of value: JSONValue) -> String? {
        guard case .object(let members) = value else { return nil }
        if case .string(let id) = members["id"] { return id }
        for key in ["entity", "event", "figure", "dispute", "relation", "record"] {
            if let inner = members[key], let id = Self.id(of: inner) { return id }
        }
        return nil
    }

    /// Where `self` and `other` first differ: a JSON path and the two values there (long ones cut).
    func difference(from other: Outcome) -> String {
        guard case .answer(let mine) = self, case .answer(let theirs) = other else { return "\(self) | \(other)" }
        return Self.difference(mine, theirs, at: "$")
    }

    private static func difference(_ a: JSONValue, _ b: JSONValue, at path: String) -> String {
        switch (a, b) {
        case (.object(let x), .object(let y)) where Set(x.keys) == Set(y.keys):
            for key in x.keys.sorted() where x[key] != y[key] {
                return Self.difference(x[key] ?? .null, y[key] ?? .null, at: path + "." + key)
            }
        case (.array(let x), .array(let y)) where x.count == y.count:
            for (index, pair) in zip(x, y).enumerated() where pair.0 != pair.1 {
                return Self.difference(pair.0, pair.1, at: path + "[\(index)]")
            }
        default: break
        }
        return "\(path): \(a.canonicalText.prefix(300)) | \(b.canonicalText.prefix(300))"
    }

    var description: String {
        switch self {
        case .answer(let value): value.canonicalText
        case .error(let text): "error: \(text)"
        }
    }
}
