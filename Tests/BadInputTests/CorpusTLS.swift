import ChronoTLS
import ChronoTesting

/// Throwaway certificates and both ends' TLS settings for a corpus server: the server presents its certificate,
/// the client trusts the test CA. `remove()` deletes the files.
struct CorpusTLS: Sendable {
    let certificates: TestCertificates
    /// The server's settings; with `mutual`, clients must present a certificate the test CA signed.
    let server: TLSSettings
    /// A client that trusts the test CA and presents no certificate.
    let client: TLSSettings

    static func make(mutual: Bool = false) async throws -> CorpusTLS {
        let certificates = try await TestCertificates.make()
        do {
            return CorpusTLS(
                certificates: certificates,
                server: try TLSSettings.server(
                    certificate: certificates.serverCertificate,
                    key: certificates.serverKey,
                    clientCA: mutual ? certificates.ca : nil
                ),
                client: try TLSSettings.client(trustedCA: certificates.ca)
            )
        } catch {
            certificates.remove()
            throw error
        }
    }

    func remove() {
        self.certificates.remove()
    }
}
