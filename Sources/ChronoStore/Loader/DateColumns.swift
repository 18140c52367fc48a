internal import ChronoGraph

/// An EDTF date as the integer columns the schema stores: day ordinals with sentinels for open ends.
struct DateColumns {
    let lower: Int64
    let upper: Int64
    let fuzzyLower: Int64
    let fuzzyUpper: Int64
    /// 0 = day … 4 = century.
    let precision: Int

    init(_ date: EDTFDate) {
        self.lower = date.strict.lower.map { Int64($0.ordinal) } ?? Schema.openLower
        self.upper = date.strict.upper.map { Int64($0.ordinal) } ?? Schema.openUpper
        self.fuzzyLower = date.fuzzy.lower.map { Int64($0.ordinal) } ?? Schema.openLower
        self.fuzzyUpper = date.fuzzy.upper.map { Int64($0.ordinal) } ?? Schema.openUpper
        self.precision = Self.rank(date.precision)
    }

    /// The rank of `precision`, finest first.
    static func rank(_ precision: DatePrecision) -> Int {
        DatePrecision.allCases.sorted().firstIndex(of: precision) ?? 0
    }
}
