import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a handler on SIGINT/SIGTERM instead of the default (terminate), so shutdown can be graceful.
///
/// A process-directed signal goes to whichever thread does not block it. A dispatch signal source ignores the
/// signal (`SIG_IGN`) and reads it from a descriptor that only sees it when every thread blocks it, so under load
/// a signal could land on a thread that merely ignored it and be lost (a `chronod` that never stopped). Here a
/// C signal handler, on whatever thread the kernel picks, writes the signal's number to a pipe
/// (async-signal-safe), and a thread of our own reads the pipe and calls `handler`: no signal is lost.
/// Only one instance may exist at a time; keep it alive while it should listen.
final class SignalHandler {
    /// The pipe's write end, for the C handler (which cannot capture); -1 when no instance listens.
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    private let signals: [Int32]

    init(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0, "chronod: cannot make the signal pipe")
        self.signals = signals
        Self.writeEnd = ends[1]
        let readEnd = ends[0]
        let reader = Thread {
            var number: Int32 = 0
            while read(readEnd, &number, MemoryLayout<Int32>.size) == MemoryLayout<Int32>.size {
                handler(number)
            }
            close(readEnd)  // the write end closed (`cancel`): nothing more can arrive
        }
        reader.name = "chronod.signals"
        reader.start()
        for number in signals {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = { number in SignalHandler.forward(number) }
            #else
            action.__sigaction_handler.sa_handler = { number in SignalHandler.forward(number) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// Writes `number` to the pipe: all a signal handler may safely do.
    private static func forward(_ number: Int32) {
        var number = number
        _ = write(Self.writeEnd, &number, MemoryLayout<Int32>.size)
    }

    /// Stops listening: the signals get their default action again, and closing the write end ends the reader.
    func cancel() {
        for number in self.signals { signal(number, SIG_DFL) }
        let writeEnd = Self.writeEnd
        Self.writeEnd = -1
        close(writeEnd)
    }
}
