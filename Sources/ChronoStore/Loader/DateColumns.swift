package import ChronoGraph

/// An EDTF date as the integer columns the schema stores: day ordinals with sentinels for open ends.
package struct DateColumns {
    package let lower: Int64
    package let upper: Int64
    package let fuzzyLower: Int64
    package let fuzzyUpper: Int64
    /// 0 = day … 4 = century.
    package let precision: Int

    package init(_ date: EDTFDate) {
        self.lower = date.strict.lower.map { Int64($0.ordinal) } ?? Schema.openLower
        self.upper = date.strict.upper.map { Int64($0.ordinal) } ?? Schema.openUpper
        self.fuzzyLower = date.fuzzy.lower.map { Int64($0.ordinal) } ?? Schema.openLower
        self.fuzzyUpper = date.fuzzy.upper.map { Int64($0.ordinal) } ?? Schema.openUpper
        self.precision = Self.rank(date.precision)
    }

    /// The span class of the fuzzy span (`Schema.spanClass`).
    package var spanClass: Int64 { Schema.spanClass(lower: self.fuzzyLower, upper: self.fuzzyUpper) }

    /// The rank of `precision`, finest first.
    static func rank(_ precision: DatePrecision) -> Int {
        DatePrecision.allCases.sorted().firstIndex(of: precision) ?? 0
    }
}
