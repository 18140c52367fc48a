extension EDTFPointParser {
    /// Reads a field of digits and `X` starting at `start`; it must be `width` long and end at `limit` or at
    /// `terminator`.
    func field(
        from start: Int,
        upTo limit: Int,
        name: String,
        width: Int,
        terminator: UInt8 = UInt8(ascii: "-")
    ) throws(EDTFError) -> Range<Int> {
        let end = self.scan(from: start, upTo: limit) { Self.isDigit($0) || $0 == UInt8(ascii: "X") }
        if end < limit && self.bytes[end] != terminator {
            throw self.unexpected(at: end)
        }
        let count = end - start
        guard count == width else {
            if count == 0 {
                throw self.fail("missing \(name) at offset \(start)")
            }
            let got = String(decoding: self.bytes[start..<end], as: UTF8.self)
            if name == "year" && count > width {
                throw self.fail("year \"\(got)\" has \(count) digits; years beyond four digits need the Y prefix")
            }
            throw self.fail("\(name) must have \(width) digits, got \"\(got)\" at offset \(start)")
        }
        return start..<end
    }

    /// The value of a two-character field, or `nil` for `XX`.
    func twoDigits(_ field: Range<Int>, name: String) throws(EDTFError) -> Int? {
        let digits = self.bytes[field]
        if digits.allSatisfy({ $0 == UInt8(ascii: "X") }) { return nil }
        guard digits.allSatisfy(Self.isDigit) else {
            let got = String(decoding: digits, as: UTF8.self)
            throw self.fail("\(name) must be two digits or XX, got \"\(got)\" at offset \(field.lowerBound)")
        }
        return self.number(field)
    }

    /// The index of the first byte at or after `start` (before `limit`) that fails `accept`.
    func scan(from start: Int, upTo limit: Int, while accept: (UInt8) -> Bool) -> Int {
        var index = start
        while index < limit && accept(self.bytes[index]) { index += 1 }
        return index
    }

    /// The decimal value of a run of at most eighteen ASCII digits.
    func number(_ range: Range<Int>) -> Int {
        self.bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    func fail(_ problem: String) -> EDTFError {
        .problem(problem, in: self.text)
    }

    /// An error naming the byte at `offset`.
    func unexpected(at offset: Int) -> EDTFError {
        let byte = self.bytes[offset]
        if (0x21...0x7E).contains(byte) {
            return self.fail("unexpected character '\(Character(Unicode.Scalar(byte)))' at offset \(offset)")
        }
        if byte == 0x20 {
            return self.fail("unexpected space at offset \(offset)")
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return self.fail("unexpected byte 0x\(hex.count == 1 ? "0" : "")\(hex) at offset \(offset)")
    }
}
