import ChronoTesting
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The children a test process starts die with it when it crashes, so a crashing test leaves no chronod (or
/// PostgreSQL-backed node) behind holding ports and files.
@Suite struct ChildProcessCleanupTests {
    /// Where the crashing process writes its child's pid: named by the test process's pid, which is the
    /// crashing process's parent.
    static func record(testProcess: Int32) -> String {
        FileManager.default.temporaryDirectory.appending(path: "chrono-crash-child-\(testProcess)").path
    }

    @Test(.timeLimit(.minutes(1))) func aCrashKillsTheChildrenItStarted() async throws {
        let record = Self.record(testProcess: getpid())
        defer { try? FileManager.default.removeItem(atPath: record) }
        await #expect(processExitsWith: .failure) {
            let child = try ChildProcess.start("/bin/sleep", ["600"])
            try String(child.pid).write(toFile: Self.record(testProcess: getppid()), atomically: true, encoding: .utf8)
            fatalError("crashing on purpose with a child running")
        }
        let pid = try #require(Int32(String(contentsOfFile: record, encoding: .utf8)))
        // Killed, it is either gone or a zombie waiting for a parent that does not reap it.
        let deadline = ContinuousClock.now + .seconds(10)
        while Self.isRunning(pid), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!Self.isRunning(pid), "the crashed process's child (pid \(pid)) is still running")
        if Self.isRunning(pid) { kill(pid, SIGKILL) }
    }

    /// Whether `pid` is a live process (not absent, not a zombie), from `/proc/PID/stat`'s state field.
    static func isRunning(_ pid: Int32) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/stat"),
            let data = try? handle.readToEnd(), let stat = String(data: data, encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }
}
