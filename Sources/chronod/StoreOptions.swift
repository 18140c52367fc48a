import ArgumentParser
import ChronoStore
import ChronoStorePostgres
import Foundation

/// Which backend chronod serves: a SQLite file (the default) or a PostgreSQL database, with an optional replica
/// for reads.
enum StoreChoice: Equatable {
    case sqlite(path: String)
    case postgres(primary: PostgresLocation, replica: PostgresLocation?)
}

/// The options that choose the backend: `--store` (or `--db` for a SQLite file) and `--read-url`.
struct StoreOptions: ParsableArguments {
    @Option(
        help: """
            The graph's store: sqlite:PATH, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE or \
            unix:/DIR/.s.PGSQL.PORT (env CHRONO_STORE; default sqlite: of --db).
            """
    )
    var store: String?

    @Option(help: "SQLite file, built from --graph when missing (env CHRONO_DB; default var/chronograph.sqlite).")
    var db: String?

    @Option(
        help: """
            A PostgreSQL streaming replica of --store's database to read from (env CHRONO_READ_URL); writes and \
            the commit feed stay on the primary.
            """
    )
    var readUrl: String?

    @Flag(
        help: """
            Before accepting connections, read the whole SQLite database through each reader connection, so the \
            first calls do not fault its pages in one by one (about a second per GB; for a file that fits in memory).
            """
    )
    var prewarm = false

    @Option(
        help: """
            The most memory, in MiB, that the entities' references, the relations' edges and (a SQLite store) \
            the nodes' relations kept between calls take (0 keeps none; default 512, every record of a graph of \
            10^6 events).
            """
    )
    var cacheMb: Int?

    /// `--cache-mb` in bytes, or the store's default.
    var cacheBytes: Int {
        self.cacheMb.map { $0 << 20 } ?? GraphStore.defaultCacheBytes
    }

    func validate() throws {
        if self.store != nil, self.db != nil {
            throw ValidationError("--store and --db are exclusive: give --store sqlite:PATH or --db PATH")
        }
        if let cacheMb = self.cacheMb, !(0...(1 << 20)).contains(cacheMb) {
            throw ValidationError("--cache-mb must be between 0 and 1048576 MiB, not \(cacheMb)")
        }
        _ = try self.resolved(environment: [:])
    }

    /// The backend from the options, falling back to `CHRONO_STORE`, `CHRONO_DB` and `CHRONO_READ_URL`.
    func resolved(environment: [String: String]) throws -> StoreChoice {
        let readURL = self.readUrl ?? environment["CHRONO_READ_URL"]
        let store =
            self.store ?? (self.db == nil ? environment["CHRONO_STORE"] : nil)
            ?? "sqlite:" + (self.db ?? environment["CHRONO_DB"] ?? "var/chronograph.sqlite")
        if store.hasPrefix("sqlite:") {
            let path = String(store.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw ValidationError("--store sqlite:PATH needs a path") }
            guard readURL == nil else {
                throw ValidationError("--read-url names a PostgreSQL replica; it needs --store postgres://…")
            }
            return .sqlite(path: path)
        }
        guard !self.prewarm else {
            throw ValidationError("--prewarm reads a SQLite file; PostgreSQL keeps its own buffers (see pg_prewarm)")
        }
        let primary: PostgresLocation
        do {
            primary = try PostgresLocation(parsing: store)
        } catch {
            throw ValidationError("--store: neither sqlite:PATH nor a PostgreSQL location (\(error))")
        }
        guard let readURL else { return .postgres(primary: primary, replica: nil) }
        do {
            return .postgres(primary: primary, replica: try PostgresLocation(parsing: readURL))
        } catch {
            throw ValidationError("--read-url: \(error)")
        }
    }

}
