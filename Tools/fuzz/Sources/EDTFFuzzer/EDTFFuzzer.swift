import ChronoGraph

/// libFuzzer entry point: parses the input as an EDTF date with `EDTFDate(_:)`.
///
/// Beyond "never traps", an accepted date must be self-consistent: its strict range is ordered and lies
/// inside its fuzzy range, and parsing its own `edtf` text again gives the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func edtfFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let date: EDTFDate
    do {
        date = try EDTFDate(text)
    } catch {
        precondition(!error.message.isEmpty, "a rejection must say what was wrong")
        return 0
    }
    if let lower = date.strict.lower, let upper = date.strict.upper {
        precondition(lower <= upper, "strict range of \(text.debugDescription) is reversed")
    }
    precondition(date.fuzzy.contains(date.strict), "fuzzy range of \(text.debugDescription) misses its strict range")
    precondition((try? EDTFDate(date.edtf)) == date, "re-parsing \(text.debugDescription) changes it")
    return 0
}
