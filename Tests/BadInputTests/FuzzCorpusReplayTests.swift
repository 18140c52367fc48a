import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Foundation
import NIOCore
import NIOEmbedded
import NIOExtras
import Testing

/// Replays the fuzz seed corpora (`Tools/fuzz/corpus/<harness>/`) through the parsers in an ordinary test run,
/// with the harnesses' checks. A crash input found by `Tools/fuzz/run.sh` becomes a regression test by copying
/// it into its harness's corpus directory.
@Suite struct FuzzCorpusReplayTests {
    private static let corpus = Repository.url("Tools/fuzz/corpus")

    private static func inputs(_ harness: String) throws -> [(name: String, bytes: [UInt8])] {
        let directory = Self.corpus.appendingPathComponent(harness)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map { name in
            (name, Array(try Data(contentsOf: directory.appendingPathComponent(name))))
        }
    }

    @Test func edtfSeedsParseConsistently() throws {
        let inputs = try Self.inputs("EDTFFuzzer")
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let date = try EDTFDate(text)
                if let lower = date.strict.lower, let upper = date.strict.upper {
                    #expect(lower <= upper, "\(name): strict range is reversed")
                }
                #expect(date.fuzzy.contains(date.strict), "\(name): fuzzy range misses the strict range")
                #expect((try? EDTFDate(date.edtf)) == date, "\(name): re-parsing changes the date")
            } catch {
                #expect(!error.message.isEmpty, "\(name): a rejection must say what was wrong")
            }
        }
    }

    @Test func graphRecordSeedsParseOrNameTheirFault() throws {
        let inputs = try Self.inputs("GraphRecordFuzzer")
        #expect(!inputs.isEmpty)
        var accepted = 0
        for (name, bytes) in inputs {
            do {
                _ = try GraphRecordParser().parse(String(decoding: bytes, as: UTF8.self))
                accepted += 1
            } catch {
                #expect(!error.message.isEmpty, "\(name): a rejection must say what was wrong")
            }
        }
        #expect(accepted > 0, "the seeds are real Graph/ lines, so some must parse")
    }

    @Test func frameSeedsSplitAndParseAsTheSessionDoes() throws {
        let inputs = try Self.inputs("FrameRequestFuzzer")
        #expect(!inputs.isEmpty)
        var requests = 0
        for (name, bytes) in inputs {
            guard let first = bytes.first else { continue }
            let channel = EmbeddedChannel(
                handler: ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: 4_096)
            )
            defer { _ = try? channel.finish() }
            var offset = 1
            reading: while offset < bytes.count {
                let end = min(offset + Int(first) + 1, bytes.count)
                do {
                    try channel.writeInbound(ByteBuffer(bytes: bytes[offset..<end]))
                } catch is ByteToMessageDecoderError.PayloadTooLargeError {
                    break reading
                }
                offset = end
                while let line = try channel.readInbound(as: ByteBuffer.self) {
                    do {
                        _ = try Request.parse(line: Data(line.readableBytesView))
                        requests += 1
                    } catch {
                        #expect(error.error.code == .invalidArgument, "\(name): a bad line must be INVALID_ARGUMENT")
                        #expect(!error.error.message.isEmpty, "\(name): a bad line's answer must say why")
                    }
                }
            }
        }
        #expect(requests > 0, "the seeds hold real requests, so some must parse")
    }
}
