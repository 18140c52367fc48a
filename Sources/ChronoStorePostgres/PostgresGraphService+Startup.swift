internal import ChronoProtocol
package import ChronoStore
package import Foundation
package import Logging

extension PostgresGraphService {
    /// What `prepare` found and did.
    package struct Preparation: Sendable {
        /// The schema version found, and the one left.
        package var schema: (from: Int, to: Int)
        /// The import of the graph directory, when the database held no graph yet.
        package var imported: GraphLoader.Report?
    }

    /// Readies the database at `primary` for serving: migrates its schema (under an advisory lock, so nodes
    /// starting together migrate it once) and, when it holds no graph yet, imports `graph` as revision 1 (when
    /// the directory exists). A database that already holds a graph is served as it is: its graph changes
    /// through writes, not through the directory.
    ///
    /// - Throws: `PostgresSchemaError` when the database is newer than this build; `GraphLoadError` for an
    ///   invalid graph directory; `ChronoError.unavailable` when the server cannot be reached.
    package static func prepare(primary: PostgresLocation, graph: URL?, logger: Logger) async throws -> Preparation {
        let worker = try await PostgresConnectionWorker.open(
            primary,
            label: "chronograph.postgres.setup",
            logger: logger
        )
        do {
            let schema = try await PostgresSchema.migrate(worker)
            var imported: GraphLoader.Report?
            if let graph, try await !Self.holdsGraph(worker) {
                do {
                    imported = try await PostgresGraphImport(directory: graph).load(into: worker)
                } catch let error as ChronoError where error.code == .failedPrecondition {
                    // Another node imported it between the check and the import's lock: serve theirs.
                    guard try await Self.holdsGraph(worker) else { throw error }
                }
            }
            await worker.close()
            return Preparation(schema: schema, imported: imported)
        } catch {
            await worker.close()
            throw error
        }
    }

    private static func holdsGraph(_ worker: PostgresConnectionWorker) async throws -> Bool {
        try await worker.read(deadline: nil) { session in try PostgresGraphImport.holdsGraph(session) }
    }
}
