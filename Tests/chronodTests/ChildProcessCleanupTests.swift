import ChronoTesting
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The children a test process starts die with it when it crashes or is killed outright, so such a test
/// process leaves no chronod (or PostgreSQL-backed node) behind holding ports and files.
@Suite struct ChildProcessCleanupTests {
    /// Where the process that dies writes its child's pid: named by the test and the test process's pid,
    /// which is the dying process's parent.
    static func record(_ test: String, testProcess: Int32) -> String {
        FileManager.default.temporaryDirectory.appending(path: "chrono-\(test)-child-\(testProcess)").path
    }

    @Test(.timeLimit(.minutes(1))) func aCrashKillsTheChildrenItStarted() async throws {
        let record = Self.record("crash", testProcess: getpid())
        defer { try? FileManager.default.removeItem(atPath: record) }
        await #expect(processExitsWith: .failure) {
            let child = try ChildProcess.start("/bin/sleep", ["600"])
            try String(child.pid).write(
                toFile: Self.record("crash", testProcess: getppid()),
                atomically: true,
                encoding: .utf8
            )
            fatalError("crashing on purpose with a child running")
        }
        let pid = try #require(Int32(String(contentsOfFile: record, encoding: .utf8)))
        // Killed, it is either gone or a zombie waiting for a parent that does not reap it.
        let deadline = ContinuousClock.now + .seconds(10)
        while Self.isRunning(pid), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!Self.isRunning(pid), "the crashed process's child (pid \(pid)) is still running")
        if Self.isRunning(pid) { kill(pid, SIGKILL) }
    }

    @Test(.timeLimit(.minutes(1))) func aTestProcessKilledOutrightTakesItsChildrenWithIt() async throws {
        let record = Self.record("kill", testProcess: getpid())
        defer { try? FileManager.default.removeItem(atPath: record) }
        await #expect(processExitsWith: .signal(SIGKILL)) {
            // Started from a thread that then ends, as the pool's threads do: the child must outlive it.
            let started = DispatchSemaphore(value: 0)
            let thread = Thread {
                if let child = try? ChildProcess.start("/bin/sleep", ["600"]) {
                    try? String(child.pid).write(
                        toFile: Self.record("kill", testProcess: getppid()),
                        atomically: true,
                        encoding: .utf8
                    )
                }
                started.signal()
            }
            thread.start()
            started.wait()
            try await Task.sleep(for: .milliseconds(300))
            let written = try? String(contentsOfFile: Self.record("kill", testProcess: getppid()), encoding: .utf8)
            // Exits with status 1, not SIGKILL, when the child died with the thread that started it.
            guard let pid = written.flatMap({ Int32($0) }), Self.isRunning(pid) else { exit(1) }
            kill(getpid(), SIGKILL)
        }
        let pid = try #require(Int32(String(contentsOfFile: record, encoding: .utf8)))
        let deadline = ContinuousClock.now + .seconds(10)
        while Self.isRunning(pid), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!Self.isRunning(pid), "the killed process's child (pid \(pid)) is still running")
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
