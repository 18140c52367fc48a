public import ChronoProtocol
import NIOCore

/// Which transport a listening address may use: plain TCP stays on loopback, because off it the write token and
/// every answer would cross the network in clear. Off loopback chronod needs TLS, or `--insecure` to accept that
/// knowingly (a network that is private by other means, a TLS-terminating proxy).
public enum TransportSecurity {
    /// Refuses to serve plain TCP on a non-loopback `host` unless `insecure` is set.
    /// - Throws: `FAILED_PRECONDITION` naming the host and the options that settle it.
    public static func checkBinding(host: String, tls: Bool, insecure: Bool) throws(ChronoError) {
        guard !tls, !insecure, !SocketAddress.isLoopback(host: host) else { return }
        throw .failedPrecondition(
            "--host \(host) is not a loopback address: start chronod with --tls-cert and --tls-key, "
                + "or with --insecure to serve tokens and data in clear"
        )
    }
}
