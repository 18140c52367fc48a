import ChronoProtocol
import Synchronization

/// Which graph reads are worth trying at once on the event loop (`MethodDescriptor.quickHandler`).
///
/// A read stopped at its budget has spent the budget for nothing and runs again on a reader's queue. So each
/// kind of read (a method, and a traversal's `depth`) keeps a running share of its recent calls that ran past
/// the budget, counted on both paths (a call on the queues is timed from when it starts there), and a kind whose
/// share is past `skipShare` goes straight to the queues, until enough of its calls there fit the budget again.
final class QuickAttempts: Sendable {
    /// A kind of read: the method's position in its table, and the depth asked for (0 without one, at most 3).
    struct Kind: Sendable {
        fileprivate let slot: Int
    }

    /// The most kinds of method, and of depth (0 to 3), told apart.
    private static let depths = 4
    /// Shares are counted in 1/1024ths; each call moves its kind's share 1/16 of the way to 0 or 1024.
    private static let one = 1_024
    private static let weight = 16
    /// A kind is skipped while more than an eighth of its recent calls ran past the budget: a kind that often
    /// overruns would waste the budget on each, and the tail of a kind that seldom does costs less than the
    /// hand-overs its other calls save.
    static let skipShare = one / 8

    /// How long a read may run on the event loop.
    let budget: Duration
    private let shares: Mutex<[Int]>

    /// Attempts for `methods` kinds of method, each run at once for at most `budget`.
    init(methods: Int, budget: Duration) {
        self.budget = budget
        self.shares = Mutex(Array(repeating: 0, count: methods * Self.depths))
    }

    /// The kind of a call to the method at `method` in the table, with `params`.
    func kind(method: Int, params: [String: JSONValue]) -> Kind {
        let depth: Int =
            if case .int(let asked)? = params["depth"] { Int(min(max(asked, 0), Int64(Self.depths - 1))) } else { 0 }
        return Kind(slot: method * Self.depths + depth)
    }

    /// Whether a call of `kind` should be tried on the event loop.
    func shouldTry(_ kind: Kind) -> Bool {
        self.shares.withLock { $0[kind.slot] <= Self.skipShare }
    }

    /// A call of `kind` ran for `elapsed`, on either path (on the event loop, until it answered or was stopped).
    func record(_ kind: Kind, elapsed: Duration) {
        let target = elapsed >= self.budget ? Self.one : 0
        self.shares.withLock { shares in
            shares[kind.slot] += (target - shares[kind.slot]) / Self.weight
        }
    }
}
