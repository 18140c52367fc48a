public import Foundation

/// Throwaway PEM files for TLS tests, made with `openssl` in a fresh temporary directory (never committed):
/// a CA, a server certificate for `127.0.0.1` and `localhost` signed by it, a client certificate it signed (for
/// mutual TLS), and an unrelated CA whose certificate nothing here is signed with. Keys are P-256, valid 2 days.
public struct TestCertificates: Sendable {
    /// The directory holding the files; `remove()` deletes it.
    public let directory: URL

    /// The CA certificate that signed `serverCertificate` and `clientCertificate`.
    public var ca: String { self.path("ca.pem") }
    /// The server certificate (subjectAltName IP:127.0.0.1, DNS:localhost).
    public var serverCertificate: String { self.path("server.pem") }
    /// The server certificate's key.
    public var serverKey: String { self.path("server.key") }
    /// The client certificate, for mutual TLS.
    public var clientCertificate: String { self.path("client.pem") }
    /// The client certificate's key.
    public var clientKey: String { self.path("client.key") }
    /// A CA that signed nothing here: trusting only it must refuse the server.
    public var otherCA: String { self.path("other-ca.pem") }

    /// Makes every file; throws `ChildProcess.Failure` with openssl's message when a step fails.
    public static func make() async throws -> TestCertificates {
        let directory = try TemporaryDirectory(prefix: "chronograph-tls").url
        let certificates = TestCertificates(directory: directory)
        do {
            try await certificates.makeCA("ca", name: "Chronograph Test CA")
            try await certificates.makeCA("other-ca", name: "Unrelated Test CA")
            try await certificates.makeLeaf(
                "server",
                name: "localhost",
                extensions: "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
            )
            try await certificates.makeLeaf(
                "client",
                name: "chronograph-test-client",
                extensions: "extendedKeyUsage=clientAuth\n"
            )
        } catch {
            certificates.remove()
            throw error
        }
        return certificates
    }

    /// Deletes the directory and every key in it.
    public func remove() {
        try? FileManager.default.removeItem(at: self.directory)
    }

    private func path(_ name: String) -> String {
        self.directory.appendingPathComponent(name).path
    }

    private func makeCA(_ stem: String, name: String) async throws {
        try await self.openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", self.path("\(stem).key"), "-out", self.path("\(stem).pem"), "-days", "2",
            "-subj", "/CN=\(name)",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
    }

    private func makeLeaf(_ stem: String, name: String, extensions: String) async throws {
        let extensionFile = self.path("\(stem).ext")
        try Data(("basicConstraints=CA:FALSE\n" + extensions).utf8).write(to: URL(fileURLWithPath: extensionFile))
        try await self.openssl([
            "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", self.path("\(stem).key"), "-out", self.path("\(stem).csr"), "-subj", "/CN=\(name)",
        ])
        try await self.openssl([
            "x509", "-req", "-in", self.path("\(stem).csr"), "-CA", self.ca, "-CAkey", self.path("ca.key"),
            "-set_serial", "\(UInt32.random(in: 1...UInt32.max))", "-days", "2", "-extfile", extensionFile,
            "-out", self.path("\(stem).pem"),
        ])
    }

    private func openssl(_ arguments: [String]) async throws {
        let output = try await ChildProcess.run("/usr/bin/env", ["openssl"] + arguments)
        guard output.reason == .exit, output.status == 0 else {
            throw ChildProcess.Failure(description: "openssl \(arguments[0]) failed: \(output.stderr)")
        }
    }
}
