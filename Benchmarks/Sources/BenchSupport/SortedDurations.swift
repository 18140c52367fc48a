/// Durations in nanoseconds, sorted once and read by nearest rank, for reports that keep every sample
/// (`chrono-bench` keeps a histogram instead).
public struct SortedDurations: Sendable {
    /// The durations, ascending.
    public let nanoseconds: [UInt64]

    /// Sorts `nanoseconds`.
    public init(_ nanoseconds: [UInt64]) {
        self.nanoseconds = nanoseconds.sorted()
    }

    /// How many durations there are.
    public var count: Int { self.nanoseconds.count }

    /// The duration at quantile `q` (0...1) by nearest rank, in milliseconds; 0 when there is none.
    public func milliseconds(at q: Double) -> Double {
        guard !self.nanoseconds.isEmpty else { return 0 }
        let count = self.nanoseconds.count
        let rank = Swift.min(count, Swift.max(1, Int((q * Double(count)).rounded(.up))))
        return Double(self.nanoseconds[rank - 1]) / 1e6
    }

    /// The mean in milliseconds; 0 when there is none.
    public var meanMilliseconds: Double {
        self.nanoseconds.isEmpty ? 0 : Double(self.nanoseconds.reduce(0, +)) / Double(self.nanoseconds.count) / 1e6
    }

    /// The longest duration in milliseconds; 0 when there is none.
    public var maximumMilliseconds: Double {
        Double(self.nanoseconds.last ?? 0) / 1e6
    }
}
