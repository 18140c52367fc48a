import ChronoGraph
import ChronoTesting
import Testing

@Suite struct EDTFPropertyTests {
    /// A random well-formed EDTF date without `/`.
    static func randomPoint(using generator: inout SeededGenerator) -> String {
        let qualifier = ["", "", "?", "~", "%"].randomElement(using: &generator) ?? ""
        if Int.random(in: 0..<10, using: &generator) == 0 {
            let digits = Int.random(in: 10_000...999_999_999_999, using: &generator)
            return "Y" + (Bool.random(using: &generator) ? "-" : "") + String(digits) + qualifier
        }
        let year = Int.random(in: 0...9999, using: &generator)
        var text = (Bool.random(using: &generator) && year > 0 ? "-" : "") + Self.padded(year, 4)
        switch Int.random(in: 0..<7, using: &generator) {
        case 0: text.replaceSubrange(text.index(before: text.endIndex)..., with: "X")
        case 1: text = String(text.dropLast(2)) + "XX"
        case 2: text += "-" + Self.padded(Int.random(in: 1...12, using: &generator), 2)
        case 3: text += "-" + Self.padded(Int.random(in: 21...24, using: &generator), 2)
        case 4: text += ["-XX", "-XX-XX"].randomElement(using: &generator) ?? ""
        case 5:
            let month = Int.random(in: 1...12, using: &generator)
            text += "-" + Self.padded(month, 2) + (Bool.random(using: &generator) ? "-XX" : "-")
            if text.hasSuffix("-") {
                text += Self.padded(Int.random(in: 1...Day.daysIn(year: year, month: month), using: &generator), 2)
            }
        default: break
        }
        return text + qualifier
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The invariants every accepted date keeps.
    static func checkInvariants(_ date: EDTFDate) -> Bool {
        var ordered = true
        if let lower = date.strict.lower, let upper = date.strict.upper {
            ordered = lower <= upper
        }
        let qualified = date.isApproximate || date.isUncertain
        return ordered && date.fuzzy.contains(date.strict) && (qualified || date.fuzzy == date.strict)
    }

    @Test func strictBoundsLieWithinFuzzyBoundsForRandomDates() throws {
        var generator = SeededGenerator(seed: 2026)
        var failures: [String] = []
        for _ in 0..<5000 {
            let start = Self.randomPoint(using: &generator)
            let text: String
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: text = start
            case 1: text = start + "/.."
            case 2: text = "../" + start
            default: text = start + "/" + Self.randomPoint(using: &generator)
            }
            do {
                let date = try EDTFDate(text)
                if !Self.checkInvariants(date) { failures.append(text) }
            } catch {
                // A random interval may end before it starts; nothing else may be refused.
                if !error.message.contains("before it starts") { failures.append("\(text): \(error.message)") }
            }
        }
        #expect(failures == [])
    }

    @Test func fuzzedInputIsAcceptedOrRefusedButNeverCrashes() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("0123456789X-/.?~%Y Ex\u{E9}T:Z+")
        var accepted = 0
        var broken: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
            if let date = try? EDTFDate(text) {
                accepted += 1
                if !Self.checkInvariants(date) { broken.append(text) }
            }
        }
        #expect(broken == [])
        #expect(accepted > 0)
    }

    @Test func mutatedValidDatesNeverCrash() {
        var generator = SeededGenerator(seed: 99)
        let replacements = Array("0123456789X-/.?~%YT:Z+ ")
        var broken: [String] = []
        for _ in 0..<20_000 {
            var characters = Array(Self.randomPoint(using: &generator) + "/" + Self.randomPoint(using: &generator))
            let position = Int.random(in: 0..<characters.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: characters.remove(at: position)
            case 1: characters.insert(replacements.randomElement(using: &generator) ?? "0", at: position)
            default: characters[position] = replacements.randomElement(using: &generator) ?? "0"
            }
            if let date = try? EDTFDate(String(characters)), !Self.checkInvariants(date) {
                broken.append(String(characters))
            }
        }
        #expect(broken == [])
    }
}
