/// A figure's number as JSON: an integer when it is integral (and exactly representable), else a double.
struct FigureValue: Encodable {
    let value: Double

    init(_ value: Double) {
        self.value = value
    }

    /// Encodes `value` as an `Int64` when integral, else as a `Double`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if self.value.rounded() == self.value, abs(self.value) < 9.0e15 {
            try container.encode(Int64(self.value))
        } else {
            try container.encode(self.value)
        }
    }
}
