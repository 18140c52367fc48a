import ArgumentParser

/// Range checks for numeric options, so a bad value is refused before any I/O.
enum Limits {
    /// Throws when `value` is given and outside `range`, naming the option.
    static func check(_ value: Int?, in range: ClosedRange<Int>, option: String) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(option): \(value) is out of range (\(range.lowerBound)-\(range.upperBound))")
    }
}
