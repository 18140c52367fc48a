import ArgumentParser
import ChronoProtocol
import ChronoStore
import ChronoStorePostgres
import Foundation
import Logging

/// The graph service chronod serves, and what to do once the server has stopped (release the SQLite file's
/// lock, close the PostgreSQL connections).
struct Backend {
    let service: any GraphService
    let close: () async -> Void
}

extension Chronod {
    /// Readies and opens a PostgreSQL database: migrates it, imports `graph` when it holds no graph yet, and
    /// connects (reads on `replica` when given), or exits 69 (`EX_UNAVAILABLE`) when the server cannot be
    /// reached. Scratch stores for `as_of` live in a private temporary directory removed on close; the records
    /// kept between calls take at most `cacheBytes`.
    static func openPostgres(
        primary: PostgresLocation,
        replica: PostgresLocation?,
        graph: String,
        cacheBytes: Int,
        logger: Logger
    ) async throws -> Backend {
        var isDirectory: ObjCBool = false
        let hasGraph = FileManager.default.fileExists(atPath: graph, isDirectory: &isDirectory) && isDirectory.boolValue
        let preparation: PostgresGraphService.Preparation
        do {
            preparation = try await PostgresGraphService.prepare(
                primary: primary,
                graph: hasGraph ? URL(fileURLWithPath: graph) : nil,
                logger: logger
            )
        } catch let error as ChronoError where error.code == .unavailable {
            logger.error("\(error.message)")
            throw ExitCode(69)
        }
        if preparation.schema.from != preparation.schema.to {
            logger.info(
                "migrated the PostgreSQL schema",
                metadata: ["from": "\(preparation.schema.from)", "to": "\(preparation.schema.to)"]
            )
        }
        if let report = preparation.imported {
            logger.info(
                "imported the graph directory into PostgreSQL",
                metadata: ["graph": "\(graph)", "records": "\(report.records)", "revision": "\(report.revision)"]
            )
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "chronod-postgres-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
            )
        let service = try await PostgresGraphService.open(
            primary: primary,
            replica: replica,
            scratchDirectory: scratch.path,
            cacheBytes: cacheBytes,
            logger: logger
        )
        logger.info(
            "serving PostgreSQL",
            metadata: ["primary": "\(primary)", "replica": "\(replica.map { "\($0)" } ?? "none")"]
        )
        return Backend(service: service) {
            await service.close()
            try? FileManager.default.removeItem(at: scratch)
        }
    }
}
