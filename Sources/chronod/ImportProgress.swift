import ChronoStore
import Foundation
import Logging

/// Shows a graph import's progress on standard error: one updating line with a bar when standard error
/// is a terminal, otherwise a log line every few seconds at most.
///
/// `@unchecked Sendable`: the mutable state is guarded by `lock`; `report` is called on the build thread.
final class ImportProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let logger: Logger
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let start = ContinuousClock.now
    private var last: ContinuousClock.Instant?
    private var drawn = false

    init(logger: Logger) {
        self.logger = logger
    }

    /// Shows `progress` unless the last line is too recent (reading done is always shown).
    func report(_ progress: GraphLoadProgress) {
        self.lock.withLock {
            let now = ContinuousClock.now
            let interval: Duration = self.isTerminal ? .milliseconds(200) : .seconds(5)
            if let last = self.last, now - last < interval, !progress.isReadingDone { return }
            self.last = now
            let elapsed = Self.seconds(now - self.start)
            let rate = Int((Double(progress.records) / max(elapsed, 0.001)).rounded())
            let percent = String(format: "%5.1f%%", progress.fraction * 100)
            let tail = progress.isReadingDone ? ", building indexes…" : ""
            let text = "\(percent) \(progress.records) records, \(rate) records/s, \(Int(elapsed)) s\(tail)"
            if self.isTerminal {
                let width = 30
                let filled = Int(progress.fraction * Double(width))
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                FileHandle.standardError.write(Data("\r\u{1B}[Kimporting [\(bar)] \(text)".utf8))
                self.drawn = true
            } else {
                self.logger.info("importing: \(text)")
            }
        }
    }

    /// Ends the updating line, if one was drawn.
    func finish() {
        self.lock.withLock {
            if self.drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            self.drawn = false
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
