import ChronoProtocol
import Foundation

/// Which graph reads are worth trying at once on the event loop (`MethodDescriptor.quickHandler`).
///
/// Two costs decide. A read stopped at its budget has spent the budget for nothing and runs again on a reader's
/// queue; and while a read runs on the loop, the loop's other connections wait, even for a `Health/Check` (beside
/// four clients' 2-hop reads at 10⁵, its p99 went from 0.16 ms to 2–3.5 ms when those ran on the loop). So each
/// kind of read (a method, and a traversal's `depth`) keeps a running share of its recent calls that ran past the
/// budget and a running mean of their time, counted on both paths (a call on the queues is timed from when it
/// starts there); a kind is tried while at most `skipShare` of its calls overran and its mean is at most a third
/// of the budget: small reads stay on the loop, larger ones go straight to the queues, until their calls there
/// are small again.
final class QuickAttempts: @unchecked Sendable {
    /// A kind of read: the method's position in its table, and the depth asked for (0 without one, at most 3).
    struct Kind: Sendable {
        fileprivate let slot: Int
    }

    /// How many depths are told apart: 0 to 3, a deeper traversal counted with depth 3.
    private static let depths = 4
    /// Shares are counted in 1/1024ths; each call moves its kind's share 1/16 of the way to 0 or 1024, and its
    /// mean 1/16 of the way to its own time.
    private static let one = 1_024
    private static let weight = 16
    /// A kind is skipped while more than an eighth of its recent calls ran past the budget: a kind that often
    /// overruns would waste the budget on each, and the tail of a kind that seldom does costs less than the
    /// hand-overs its other calls save.
    static let skipShare = one / 8

    /// Each kind's share of overruns (in 1/1024ths) and mean time (in microseconds), by `Kind.slot`.
    private struct Record {
        var overruns: [Int]
        var meanMicroseconds: [Int]
    }

    /// How long a read may run on the event loop.
    let budget: Duration
    /// The largest mean time of a kind that is tried, in microseconds: a third of the budget.
    private let largestMeanMicroseconds: Int
    /// Guards `record` (an `NSLock`, which ThreadSanitizer follows; it reported `Synchronization.Mutex`'s
    /// accesses as races).
    private let lock = NSLock()
    private var record: Record

    /// Attempts for `methods` kinds of method, each run at once for at most `budget`.
    init(methods: Int, budget: Duration) {
        self.budget = budget
        self.largestMeanMicroseconds = Self.microseconds(budget) / 3
        let kinds = Array(repeating: 0, count: methods * Self.depths)
        self.record = Record(overruns: kinds, meanMicroseconds: kinds)
    }

    private static func microseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000)
    }

    /// The kind of a call to the method at `method` in the table, with `params`.
    func kind(method: Int, params: [String: JSONValue]) -> Kind {
        let depth: Int =
            if case .int(let asked)? = params["depth"] { Int(min(max(asked, 0), Int64(Self.depths - 1))) } else { 0 }
        return Kind(slot: method * Self.depths + depth)
    }

    /// Whether a call of `kind` should be tried on the event loop.
    func shouldTry(_ kind: Kind) -> Bool {
        self.lock.withLock {
            self.record.overruns[kind.slot] <= Self.skipShare
                && self.record.meanMicroseconds[kind.slot] <= self.largestMeanMicroseconds
        }
    }

    /// A call of `kind` ran for `elapsed`, on either path (on the event loop, until it answered or was stopped).
    func record(_ kind: Kind, elapsed: Duration) {
        let overrun = elapsed >= self.budget ? Self.one : 0
        let microseconds = Self.microseconds(elapsed)
        self.lock.withLock {
            self.record.overruns[kind.slot] += (overrun - self.record.overruns[kind.slot]) / Self.weight
            self.record.meanMicroseconds[kind.slot] +=
                (microseconds - self.record.meanMicroseconds[kind.slot]) / Self.weight
        }
    }
}
