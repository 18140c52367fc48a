/// A log-linear histogram of durations in nanoseconds, with 1/64 relative precision.
///
/// Values below 64 ns have a bucket each; above, each power of two is split into 64 equal buckets,
/// so recording is O(1) with no allocation and the whole histogram is a fixed 3,776 counters.
struct LatencyHistogram: Sendable {
    private static let subBits = 6
    private static let subCount = 1 << subBits
    private static let bucketCount = subCount + (64 - subBits) * subCount

    private var counts: [UInt64]
    /// Number of recorded values.
    private(set) var total: UInt64 = 0
    /// Sum of recorded values, for the mean.
    private(set) var sum: UInt64 = 0
    /// Largest recorded value.
    private(set) var maximum: UInt64 = 0

    /// An empty histogram.
    init() {
        self.counts = Array(repeating: 0, count: Self.bucketCount)
    }

    /// Records one duration.
    mutating func record(_ nanoseconds: UInt64) {
        self.counts[Self.bucket(of: nanoseconds)] += 1
        self.total += 1
        self.sum &+= nanoseconds
        self.maximum = max(self.maximum, nanoseconds)
    }

    /// Adds every value of `other` to this histogram.
    mutating func merge(_ other: LatencyHistogram) {
        for index in self.counts.indices {
            self.counts[index] += other.counts[index]
        }
        self.total += other.total
        self.sum &+= other.sum
        self.maximum = max(self.maximum, other.maximum)
    }

    /// The value at quantile `q` (0...1): the midpoint of the bucket holding it, capped at the maximum.
    func quantile(_ q: Double) -> UInt64 {
        guard self.total > 0 else { return 0 }
        let rank = max(1, UInt64((q * Double(self.total)).rounded(.up)))
        var seen: UInt64 = 0
        for (index, count) in self.counts.enumerated() where count > 0 {
            seen += count
            if seen >= rank {
                let (lower, width) = Self.range(of: index)
                return min(lower + width / 2, self.maximum)
            }
        }
        return self.maximum
    }

    /// The mean, in nanoseconds.
    var mean: Double {
        self.total == 0 ? 0 : Double(self.sum) / Double(self.total)
    }

    static func bucket(of value: UInt64) -> Int {
        guard value >= UInt64(Self.subCount) else { return Int(value) }
        let exponent = 63 - value.leadingZeroBitCount
        let shift = exponent - Self.subBits
        let mantissa = Int((value >> UInt64(shift)) & UInt64(Self.subCount - 1))
        return Self.subCount + shift * Self.subCount + mantissa
    }

    /// The lowest value of bucket `index` and the bucket's width.
    static func range(of index: Int) -> (lower: UInt64, width: UInt64) {
        guard index >= Self.subCount else { return (UInt64(index), 1) }
        let shift = (index - Self.subCount) / Self.subCount
        let mantissa = UInt64((index - Self.subCount) % Self.subCount)
        return ((UInt64(Self.subCount) + mantissa) << UInt64(shift), 1 << UInt64(shift))
    }
}
