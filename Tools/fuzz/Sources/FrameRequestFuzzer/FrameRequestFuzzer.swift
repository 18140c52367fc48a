import ChronoProtocol
import Foundation
import NIOCore
import NIOEmbedded
import NIOExtras

/// libFuzzer entry point: the bytes a client sends, split into lines by the server's own framing
/// (`LineBasedFrameDecoder` under a `ByteToMessageHandler` with a buffer cap), each line then checked against
/// the line limit and parsed by `Request.parse(line:)`, as `Session` does.
///
/// The first input byte picks how the rest is cut into socket reads (1 to 256 bytes each), so partial lines,
/// `\r\n` split across reads and lines completed later are all exercised. The buffer cap is lowered to
/// `FrameRequestFuzzer.bufferCap` so that the oversize-line path is reachable with small inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func frameRequestFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    guard let first = input.first else { return 0 }
    let chunk = Int(first) + 1
    let channel = EmbeddedChannel(
        handler: ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: FrameRequestFuzzer.bufferCap)
    )
    defer { _ = try? channel.finish() }
    var offset = 1
    while offset < input.count {
        let end = min(offset + chunk, input.count)
        do {
            try channel.writeInbound(ByteBuffer(bytes: input[offset..<end]))
        } catch is ByteToMessageDecoderError.PayloadTooLargeError {
            // The session answers RESOURCE_EXHAUSTED and closes the connection: nothing more is read.
            return 0
        } catch {
            preconditionFailure("the line decoder failed with \(error)")
        }
        offset = end
        while let line = try? channel.readInbound(as: ByteBuffer.self) {
            FrameRequestFuzzer.check(line: line)
        }
    }
    return 0
}

/// The checks applied to each framed line.
enum FrameRequestFuzzer {
    /// The decoder's buffer cap in the harness (the server uses `ProtocolLimits.maximumLineLength`).
    static let bufferCap = 4_096

    /// Parses one line as the session does and checks what the answer would be.
    static func check(line: ByteBuffer) {
        precondition(!line.readableBytesView.contains(UInt8(ascii: "\n")), "a framed line contains a newline")
        guard line.readableBytes <= ProtocolLimits.maximumLineLength else { return }
        let request: Request
        do {
            request = try Request.parse(line: Data(line.readableBytesView))
        } catch {
            precondition(error.error.code == .invalidArgument, "a bad line must be INVALID_ARGUMENT")
            precondition(!error.error.message.isEmpty, "a bad line's answer must say what was wrong")
            return
        }
        if let deadline = request.deadlineMilliseconds {
            precondition(deadline >= 1 && deadline <= ProtocolLimits.maximumDeadlineMilliseconds)
        }
        Self.checkRoundTrip(request)
    }

    /// A parsed request, encoded as a client would send it, parses back to the same envelope.
    private static func checkRoundTrip(_ request: Request) {
        let encoded: Data
        do {
            encoded = try WireCoding.encode(request)
        } catch {
            preconditionFailure("a parsed request cannot be encoded: \(error)")
        }
        guard let again = try? Request.parse(line: encoded) else {
            preconditionFailure("a parsed request does not parse again: \(String(decoding: encoded, as: UTF8.self))")
        }
        precondition(again.id == request.id, "the id changes on a round trip")
        precondition(again.method == request.method, "the method changes on a round trip")
        precondition(again.deadlineMilliseconds == request.deadlineMilliseconds, "deadline_ms changes")
        precondition(again.metadata == request.metadata, "metadata changes on a round trip")
    }
}
