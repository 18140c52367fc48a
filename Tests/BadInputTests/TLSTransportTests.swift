import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoTLS
import ChronoTesting
import Foundation
import Testing

/// Issue 14: the server speaking TLS. Handshakes are checked both ways (an untrusted server, mutual TLS without a
/// client certificate), plaintext and garbage sent to the TLS port only close that connection, the guards apply to
/// the decrypted bytes, and randomized framing over TLS is answered line by line. The bad-input corpus over TLS is
/// `BadInputTests.everyCaseGetsItsStatusAndNothingIsWritten(overTLS:)`.
@Suite(.heavy, .timeLimit(.minutes(2))) struct TLSTransportTests {
    @Test func aClientThatTrustsTheCAIsServedAndOneThatDoesNotIsRefused() async throws {
        let tls = try await CorpusTLS.make()
        defer { tls.remove() }
        let stranger = try TLSSettings.client(trustedCA: tls.certificates.otherCA)
        try await CorpusServer.with(tls: tls.server) { port in
            let trusted = try await Self.healthStatus(port: port, tls: tls.client)
            #expect(trusted == .ok)
            let refusal = await #expect(throws: ChronoError.self) {
                try await ChronoClient.connect(host: "127.0.0.1", port: port, tls: stranger)
            }
            #expect(refusal?.code == .unavailable)
            #expect(refusal?.message.contains("CERTIFICATE_VERIFY_FAILED") == true, "\(String(describing: refusal))")
            let plain = await #expect(throws: (any Error).self) {
                try await Self.healthStatus(port: port, tls: nil)
            }
            #expect(plain != nil, "a plain TCP client must not be served on the TLS port")
        }
    }

    @Test func mutualTLSRefusesAClientWithoutACertificateAndServesOneWithIt() async throws {
        let tls = try await CorpusTLS.make(mutual: true)
        defer { tls.remove() }
        let withCertificate = try TLSSettings.client(
            trustedCA: tls.certificates.ca,
            certificate: tls.certificates.clientCertificate,
            key: tls.certificates.clientKey
        )
        try await CorpusServer.with(tls: tls.server) { port in
            // With TLS 1.3 the client may finish its handshake before the server checks its certificate: the
            // refusal then arrives as the connection closing before any answer.
            let refusal = await #expect(throws: ChronoError.self) {
                try await Self.healthStatus(port: port, tls: tls.client)
            }
            #expect(refusal?.code == .unavailable)
            let accepted = try await Self.healthStatus(port: port, tls: withCertificate)
            #expect(accepted == .ok)
        }
    }

    @Test func plaintextAndGarbageOnTheTLSPortCloseOnlyTheirConnection() async throws {
        let tls = try await CorpusTLS.make()
        defer { tls.remove() }
        try await CorpusServer.with(tls: tls.server) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port, tls: tls.client)
            let before = try await client.call(.healthCheck).status
            #expect(before == .ok)
            var random = SeededGenerator(seed: 14)
            let inputs: [[UInt8]] = [
                Array(#"{"id":1,"method":"chrono.v1.Health/Check"}"#.utf8) + [10],
                Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8),
                // Random bytes after one that cannot start a TLS record (a record header could announce more bytes
                // than are sent, and the server would rightly wait for them).
                [0x00] + (0..<4_095).map { _ in random.byte() },
                // A TLS record header announcing a handshake, then nonsense.
                [0x16, 0x03, 0x01, 0x00, 0x20] + (0..<32).map { _ in random.byte() },
            ]
            for input in inputs {
                let closed = try await RawConnection.with(port: port) { connection in
                    try await connection.send(bytes: input)
                    return await connection.isClosedByServer()
                }
                #expect(closed, "the server must close a connection that does not speak TLS")
                let meanwhile = try await client.call(.healthCheck).status
                #expect(meanwhile == .ok, "the TLS client must be unaffected")
            }
            try await client.close()
            let fresh = try await Self.healthStatus(port: port, tls: tls.client)
            #expect(fresh == .ok, "new TLS clients must still be served")
        }
    }

    @Test func theIdleGuardSeesTheDecryptedStream() async throws {
        let tls = try await CorpusTLS.make()
        defer { tls.remove() }
        let configuration = ChronoServer.Configuration(idleTimeout: .milliseconds(300))
        try await CorpusServer.with(tls: tls.server, configuration: configuration) { port in
            let closed = try await RawConnection.with(port: port, tls: tls.client) { connection in
                let first = try await connection.call(id: "first", method: .healthCheck)
                #expect(first?.status == .ok)
                return await connection.isClosedByServer()
            }
            #expect(closed, "a silent TLS connection must be closed by the idle timeout")
        }
    }

    /// Valid requests and garbage lines, cut at random places into writes of 1 to 64 bytes, with a fixed seed:
    /// every line gets exactly one terminal frame, the valid ones `OK` under their own ids.
    @Test func randomlySplitFramingOverTLSIsAnsweredLineByLine() async throws {
        let tls = try await CorpusTLS.make()
        defer { tls.remove() }
        try await CorpusServer.with(tls: tls.server) { port in
            var random = SeededGenerator(seed: 0x0C14_2026)
            for round in 0..<8 {
                var stream: [UInt8] = []
                var valid: Set<String> = []
                var lines = 0
                for index in 0..<24 {
                    lines += 1
                    if random.next() % 3 == 0 {
                        // Starts with a byte that is not blank, so no garbage line is an empty one.
                        stream += [UInt8(ascii: "#")] + (0..<Int(random.next() % 300)).map { _ in random.lineByte() }
                    } else {
                        let id = "r\(round)-\(index)"
                        valid.insert(id)
                        let method = random.next() % 2 == 0 ? MethodName.healthCheck : .timelineQuery
                        stream += Array(try WireCoding.encode(Request(id: .string(id), method: method.rawValue)))
                    }
                    stream.append(UInt8(ascii: "\n"))
                }
                let answers = try await RawConnection.with(port: port, tls: tls.client) { connection in
                    var offset = 0
                    while offset < stream.count {
                        let end = min(stream.count, offset + Int(1 + random.next() % 64))
                        try await connection.send(bytes: Array(stream[offset..<end]))
                        offset = end
                    }
                    var answers: [Response] = []
                    for _ in 0..<lines {
                        guard let answer = try await connection.nextTerminal() else { break }
                        answers.append(answer.response)
                    }
                    return answers
                }
                #expect(answers.count == lines, "round \(round): every line must be answered")
                let answered = answers.filter { $0.status == .ok }.compactMap { answer -> String? in
                    guard case .string(let id) = answer.id else { return nil }
                    return id
                }
                #expect(Set(answered) == valid, "round \(round): every valid request must be answered OK")
                #expect(answers.filter { $0.status != .ok }.allSatisfy { $0.status == .invalidArgument })
            }
        }
    }

    /// Connects (over TLS when `tls` is given), calls `Health/Check`, and closes.
    private static func healthStatus(port: Int, tls: TLSSettings?) async throws -> StatusCode {
        let client = try await ChronoClient.connect(host: "127.0.0.1", port: port, tls: tls)
        do {
            let status = try await client.call(.healthCheck, deadline: .seconds(10)).status
            try await client.close()
            return status
        } catch {
            try? await client.close()
            throw error
        }
    }
}

extension SeededGenerator {
    mutating func byte() -> UInt8 {
        UInt8(truncatingIfNeeded: self.next())
    }

    /// Any byte but a newline, so a garbage line stays one line.
    mutating func lineByte() -> UInt8 {
        let byte = self.byte()
        return byte == UInt8(ascii: "\n") ? UInt8(ascii: "?") : byte
    }
}
