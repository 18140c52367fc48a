import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono subscribe`: follow a query as the graph changes (needs a daemon with subscriptions).
    struct Subscribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow a query live: its current answer, then each change (needs a daemon with subscriptions).",
            discussion: """
                Calls chrono.v1.Watch/Subscribe with {"query": {"method", "params"}, "since_revision"} and \
                prints each data frame ({"kind": "initial" | "change" | "progress", "revision", ...}) as it \
                arrives: one JSON line each when piped, one summary line each on a terminal. A daemon \
                without subscriptions answers UNIMPLEMENTED (exit code 69). Stop with Ctrl-C or --max-frames.

                Examples:
                  chrono subscribe timeline --from 2007 --to 2011
                  chrono subscribe show state-migration-service --since-revision 42
                  chrono subscribe stats --max-frames 1 --format ndjson
                """
        )

        @Argument(
            help: ArgumentHelp(
                "What to follow: timeline, show, neighbors, figures, disputes or stats.",
                valueName: "query"
            )
        )
        var query: SubscriptionQuery

        @Argument(help: ArgumentHelp("The entity, for show and neighbors: id, name or alias.", valueName: "entity"))
        var entity: String?

        @OptionGroup var window: WindowOptions

        @Option(
            name: .customLong("since-revision"),
            help: ArgumentHelp("Send changes after this revision.", valueName: "n")
        )
        var sinceRevision: Int?

        @Option(name: .customLong("max-frames"), help: ArgumentHelp("Stop after this many frames.", valueName: "n"))
        var maxFrames: Int?

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        /// The streaming method this command calls.
        static let method = "chrono.v1.Watch/Subscribe"

        func validate() throws {
            try self.output.check(allowed: [.table, .ndjson])
            try Limits.check(self.sinceRevision, in: 0...Int.max, option: "--since-revision")
            try Limits.check(self.maxFrames, in: 1...Int.max, option: "--max-frames")
            try self.window.check()
            switch (self.query.needsEntity, self.entity) {
            case (true, nil): throw ValidationError("<entity>: \(self.query.rawValue) needs an entity")
            case (false, .some): throw ValidationError("<entity>: \(self.query.rawValue) takes no entity")
            default: break
            }
        }

        func run() async throws {
            let runner = CommandRunner(connection: self.connection, output: self.output)
            let deadline = self.connection.deadline.map { Duration.milliseconds($0.milliseconds) }
            try await runner.guarding { terminal in
                let format = self.output.resolved(for: terminal)
                let connection = try await runner.open()
                let watchdog = deadline.map { Watchdog(limit: $0 + DaemonConnection.grace) }
                defer { watchdog?.cancel() }
                var seen = 0
                let limit = self.maxFrames
                do {
                    _ = try await connection.stream(Self.method, params: self.params, deadline: deadline) { data in
                        CommandRunner.write(
                            try SubscriptionFrameFormatter.line(data, format: format, terminal: terminal)
                        )
                        seen += 1
                        return limit.map { seen < $0 } ?? true
                    }
                } catch let failure as CLIFailure where failure.status == .unimplemented {
                    await connection.close()
                    throw CLIFailure(.unimplemented, failure.message + " (this chronod has no subscriptions)")
                } catch {
                    await connection.close()
                    throw error
                }
                await connection.close()
            }
        }

        /// The `Watch/Subscribe` params: the query as a method and params, and the revision to resume from.
        var params: [String: JSONValue] {
            var inner = self.window.params
            if let entity = self.entity {
                inner["id"] = .string(entity)
            }
            if !self.query.takesWindow {
                inner["from"] = nil
                inner["to"] = nil
            }
            var params: [String: JSONValue] = [
                "query": .object(["method": .string(self.query.method.rawValue), "params": .object(inner)])
            ]
            params["since_revision"] = Params.int(self.sinceRevision)
            return params
        }
    }
}
