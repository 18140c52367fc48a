#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback TCP listener that accepts connections (through the kernel backlog) and never answers.
///
/// It stands in for a daemon that hangs, to prove the CLI's own deadline. Close it with `close()`.
final class SilentServer {
    /// The port it listens on.
    let port: Int
    private let descriptor: Int32

    private init(port: Int, descriptor: Int32) {
        self.port = port
        self.descriptor = descriptor
    }

    /// Listens on 127.0.0.1 on a free port, or returns `nil` if the socket calls fail.
    static func start() -> SilentServer? {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && listen(fd, 8) == 0
                    && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard listening else {
            Glibc.close(fd)
            return nil
        }
        return SilentServer(port: Int(UInt16(bigEndian: address.sin_port)), descriptor: fd)
    }

    /// Stops listening.
    func close() {
        #if canImport(Glibc)
        Glibc.close(self.descriptor)
        #else
        Darwin.close(self.descriptor)
        #endif
    }
}
