public import NIOCore

extension SocketAddress {
    /// Whether this is a loopback address (`127.0.0.0/8`, `::1`, or an IPv4-mapped loopback); Unix sockets
    /// count as local too.
    public var isLoopback: Bool {
        switch self {
        case .v4, .v6:
            guard let ip = self.ipAddress else { return false }
            return ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
        case .unixDomainSocket:
            return true
        }
    }

    /// Whether `host` names a loopback interface (`localhost`, `127.x.y.z`, `::1`).
    /// A name such as `127.example.org` is not an address and does not count.
    public static func isLoopback(host: String) -> Bool {
        if host == "localhost" { return true }
        guard let address = try? SocketAddress(ipAddress: host, port: 0) else { return false }
        return address.isLoopback
    }
}
