import ChronoProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends the process with DEADLINE_EXCEEDED (exit 75) if a stream outlives its deadline plus a grace period.
///
/// Streams are consumed frame by frame on the calling task; a daemon that stops sending mid-stream would
/// otherwise hold `chrono` for ever. The daemon's own DEADLINE_EXCEEDED normally arrives first.
struct Watchdog: Sendable {
    private let task: Task<Void, Never>

    /// Arms the watchdog for `limit`.
    init(limit: Duration) {
        self.task = Task {
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            CommandRunner.report(CLIFailure(.deadlineExceeded, "no answer from chronod within the deadline"))
            exit(CLIFailure(.deadlineExceeded, "").exitCode)
        }
    }

    /// Disarms the watchdog.
    func cancel() {
        self.task.cancel()
    }
}
