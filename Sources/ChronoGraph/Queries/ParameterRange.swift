public import ChronoProtocol

extension ClosedRange<Int> {
    /// Throws `INVALID_ARGUMENT` naming `parameter` (its wire name, as in `params.limit`) when `value` lies
    /// outside this range; every query checks its numeric parameters through here, so the message always
    /// states the range the query type declares.
    public func require(_ value: Int, parameter: String) throws(ChronoError) {
        guard !self.contains(value) else { return }
        throw .invalidArgument(
            "params.\(parameter): must be between \(self.lowerBound) and \(self.upperBound), got \(value)"
        )
    }
}
