extension EDTFPointParser {
    /// Checks a level 0 time of day, `hh:mm:ss` then optionally `Z` or an offset `±hh[:mm]`.
    func checkTime(_ range: Range<Int>) throws(EDTFError) {
        var index = range.lowerBound
        for (name, largest) in [("hour", 23), ("minute", 59), ("second", 59)] {
            if name != "hour" {
                try self.expectColon(at: index, limit: range.upperBound)
                index += 1
            }
            try self.timeField(at: index, limit: range.upperBound, name: name, largest: largest)
            index += 2
        }
        guard index < range.upperBound else { return }
        switch self.bytes[index] {
        case UInt8(ascii: "Z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            try self.timeField(at: index + 1, limit: range.upperBound, name: "offset hour", largest: 23)
            index += 3
            if index < range.upperBound && self.bytes[index] == UInt8(ascii: ":") {
                try self.timeField(at: index + 1, limit: range.upperBound, name: "offset minute", largest: 59)
                index += 3
            }
        default:
            throw self.unexpected(at: index)
        }
        if index < range.upperBound {
            throw self.unexpected(at: index)
        }
    }

    private func expectColon(at index: Int, limit: Int) throws(EDTFError) {
        guard index < limit else { throw self.fail("a time must be hh:mm:ss, but it ends at offset \(index)") }
        guard self.bytes[index] == UInt8(ascii: ":") else { throw self.unexpected(at: index) }
    }

    private func timeField(at index: Int, limit: Int, name: String, largest: Int) throws(EDTFError) {
        guard index + 2 <= limit, Self.isDigit(self.bytes[index]), Self.isDigit(self.bytes[index + 1]) else {
            throw self.fail("\(name) must have 2 digits at offset \(index)")
        }
        let value = self.number(index..<index + 2)
        guard value <= largest else {
            throw self.fail("\(name) \(value) out of range 0–\(largest)")
        }
    }
}
