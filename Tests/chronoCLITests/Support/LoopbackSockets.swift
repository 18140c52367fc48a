#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback port nothing listens on: bound to port 0 to learn a free port, then closed.
enum ClosedPort {
    /// A port on 127.0.0.1 that refuses connections (barring a race with another process binding it).
    static func make() -> Int? {
        guard let socket = LoopbackSocket.bind(listening: false) else { return nil }
        socket.close()
        return socket.port
    }
}

/// A loopback TCP listener that accepts connections (through the kernel backlog) and never answers.
///
/// It stands in for a daemon that hangs, to prove the CLI's own deadline. Close it with `close()`.
final class SilentServer {
    private let socket: LoopbackSocket

    /// The port it listens on.
    var port: Int { self.socket.port }

    private init(socket: LoopbackSocket) {
        self.socket = socket
    }

    /// Listens on 127.0.0.1 on a free port, or returns `nil` if the socket calls fail.
    static func start() -> SilentServer? {
        LoopbackSocket.bind(listening: true).map(SilentServer.init(socket:))
    }

    /// Stops listening.
    func close() {
        self.socket.close()
    }
}

/// A TCP socket bound to a free port on 127.0.0.1.
private struct LoopbackSocket {
    let descriptor: Int32
    let port: Int

    /// Binds a new socket (listening, with a backlog of 8, when `listening`), or `nil` if a socket call fails.
    static func bind(listening: Bool) -> LoopbackSocket? {
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
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                #if canImport(Glibc)
                Glibc.bind(fd, socketAddress, length) == 0 && (!listening || listen(fd, 8) == 0)
                    && getsockname(fd, socketAddress, &length) == 0
                #else
                Darwin.bind(fd, socketAddress, length) == 0 && (!listening || listen(fd, 8) == 0)
                    && getsockname(fd, socketAddress, &length) == 0
                #endif
            }
        }
        let opened = LoopbackSocket(descriptor: fd, port: Int(UInt16(bigEndian: address.sin_port)))
        guard bound else {
            opened.close()
            return nil
        }
        return opened
    }

    func close() {
        #if canImport(Glibc)
        Glibc.close(self.descriptor)
        #else
        Darwin.close(self.descriptor)
        #endif
    }
}
