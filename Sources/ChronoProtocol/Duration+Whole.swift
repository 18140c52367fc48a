extension Duration {
    /// The duration in whole milliseconds, rounded toward zero (as `deadline_ms` and `elapsed_ms` count).
    public var wholeMilliseconds: Int64 {
        self.whole(perSecond: 1_000)
    }

    /// The duration in whole nanoseconds, rounded toward zero.
    public var wholeNanoseconds: Int64 {
        self.whole(perSecond: 1_000_000_000)
    }

    /// The duration in whole units of which `perSecond` make a second (a divisor of 10¹⁸).
    private func whole(perSecond units: Int64) -> Int64 {
        let (seconds, attoseconds) = self.components
        return seconds * units + attoseconds / (1_000_000_000_000_000_000 / units)
    }
}
