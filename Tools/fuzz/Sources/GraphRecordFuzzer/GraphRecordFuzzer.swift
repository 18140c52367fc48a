import ChronoGraph
import ChronoProtocol

/// libFuzzer entry point: parses the input as one `Graph/*.jsonl` line with `GraphRecordParser`.
///
/// Besides "never traps", a rejection must name what was wrong.
@_cdecl("LLVMFuzzerTestOneInput")
public func graphRecordFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try GraphRecordParser().parse(line)
    } catch {
        precondition(!error.message.isEmpty, "a rejection must say what was wrong (at \(error.path))")
    }
    return 0
}
