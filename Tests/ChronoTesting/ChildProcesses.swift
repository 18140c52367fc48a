import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every child process the tests have started and not yet seen exit, so that none outlives its suite or the
/// test process: they are killed when the process exits, is stopped by SIGINT, SIGTERM or SIGHUP, or crashes;
/// and the kernel kills them when it is killed by SIGKILL, which no handler sees.
///
/// For that last case each child runs under `setpriv --pdeathsig KILL`, and every child is started from one
/// thread (`LaunchThread`) that lives as long as the test process: the kernel sends a child its parent-death
/// signal when the *thread* that started it ends, and the pool threads that run the tests come and go.
///
/// Invariant: a pid is listed from just after its launch until its exit has been seen; launching and listing
/// happen under one lock, so an exit seen at once still finds its entry. The list is mirrored into a fixed
/// table of pids that the signal handlers read without a lock.
enum ChildProcesses {
    /// A running child: its name for messages and the suite that started it, if any.
    private struct Entry {
        var name: String
        var owner: String?
    }

    /// The suite whose tests are running in this task (set by `HeavySuiteTrait`).
    @TaskLocal static var owner: String?

    private static let running = NIOLockedValueBox([Int32: Entry]())
    /// Pids for the signal handlers: a slot holds a running child's pid or 0.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<Int32> = {
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: Self.slotCount)
        slots.initialize(repeating: 0, count: Self.slotCount)
        return slots
    }()
    private static let slotCount = 1_024
    /// The signals a crashing test process dies of (a Swift trap is `SIGILL`, `abort()` is `SIGABRT`).
    private static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    /// The actions the crash handler replaced, indexed by signal number (all below 32).
    nonisolated(unsafe) private static let replacedActions: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
        actions.initialize(repeating: sigaction(), count: 32)
        return actions
    }()
    private static let installHandlers: Void = {
        atexit { ChildProcesses.killAll() }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { received in
                ChildProcesses.killAllFromSignalHandler()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
        // A crash kills the children, puts back the handler it replaced (Swift's backtracer, or the default)
        // and returns: the faulting instruction runs again and that handler reports the crash as before.
        for number in Self.crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { received, _, _ in
                ChildProcesses.killAllFromSignalHandler()
                sigaction(received, ChildProcesses.replacedActions + Int(received), nil)
            }
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, Self.replacedActions + Int(number))
        }
    }()

    /// Runs the launches, from a thread that never ends.
    private static let launchThread = LaunchThread()
    /// The program that sets a child's parent-death signal before it runs the child's own program.
    private static let setpriv = "/usr/bin/setpriv"

    /// Sets `process` to run `executable` with `arguments`, under `setpriv --pdeathsig KILL` where there is one
    /// (Linux) and the program is there to run (otherwise `Process` reports the missing program, as before).
    static func configure(_ process: Process, executable: String, arguments: [String]) {
        let manager = FileManager.default
        if manager.isExecutableFile(atPath: Self.setpriv), manager.isExecutableFile(atPath: executable) {
            process.executableURL = URL(fileURLWithPath: Self.setpriv)
            process.arguments = ["--pdeathsig", "KILL", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
    }

    /// Launches `process` (from `launchThread`) and lists it.
    static func launch(_ process: Process, name: String) throws {
        _ = Self.installHandlers
        let owner = Self.owner
        let launching = UncheckedSendable(process)
        try Self.launchThread.run {
            try Self.running.withLockedValue { running in
                try launching.value.run()
                let pid = launching.value.processIdentifier
                running[pid] = Entry(name: name, owner: owner)
                if let free = (0..<Self.slotCount).first(where: { Self.slots[$0] == 0 }) { Self.slots[free] = pid }
            }
        }
    }

    /// Takes an exited child off the list.
    static func exited(_ pid: Int32) {
        Self.running.withLockedValue { running in
            running[pid] = nil
            if let slot = (0..<Self.slotCount).first(where: { Self.slots[$0] == pid }) { Self.slots[slot] = 0 }
        }
    }

    /// Sends `SIGKILL` to every child still running (those started by the suite `owner`'s tests, when given)
    /// and returns what it killed, as "name (pid N)".
    @discardableResult
    static func killAll(startedBy owner: String? = nil) -> [String] {
        let victims = Self.running.withLockedValue { running in
            running.filter { owner == nil || $0.value.owner == owner }
        }
        for pid in victims.keys { kill(pid, SIGKILL) }
        return victims.sorted { $0.key < $1.key }.map { "\($0.value.name) (pid \($0.key))" }
    }

    /// `killAll` for a signal handler: no lock, no allocation.
    private static func killAllFromSignalHandler() {
        for slot in 0..<Self.slotCount where Self.slots[slot] > 0 { kill(Self.slots[slot], SIGKILL) }
    }
}

/// A thread that runs what it is given, one at a time, for the life of the process; it never ends.
private final class LaunchThread: @unchecked Sendable {
    // Invariant: `pending` is touched only with `condition` locked.
    private let condition = NSCondition()
    private var pending: [@Sendable () -> Void] = []

    init() {
        let thread = Thread { [self] in self.serve() }
        thread.name = "child launcher"
        thread.start()
    }

    /// Runs `body` on the thread and returns what it returns, or throws what it throws.
    func run(_ body: @escaping @Sendable () throws -> Void) throws {
        let outcome = NIOLockedValueBox<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        self.condition.lock()
        self.pending.append {
            outcome.withLockedValue { $0 = Result { try body() } }
            done.signal()
        }
        self.condition.signal()
        self.condition.unlock()
        done.wait()
        try outcome.withLockedValue { $0 }?.get()
    }

    private func serve() -> Never {
        while true {
            self.condition.lock()
            while self.pending.isEmpty { self.condition.wait() }
            let next = self.pending.removeFirst()
            self.condition.unlock()
            next()
        }
    }
}

/// A value handed to another thread that is done with it before the sender goes on.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
