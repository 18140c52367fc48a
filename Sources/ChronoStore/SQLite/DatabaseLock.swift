#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The one-writer rule of a database file: an exclusive advisory lock on its companion `<database>.lock`,
/// held by the process that serves the database for as long as it runs.
///
/// A second daemon on the same file would stamp its answers with a revision that no longer moves when the
/// first one writes, and never wake its subscribers; it must not start. The lock is `flock(2)`, which the
/// kernel releases when the holder exits, however it exits (`kill -9` included), so a crash never leaves a
/// stale lock. The file holds the holder's process id, for the message a refused daemon prints.
public final class DatabaseLock: Sendable {
    /// The lock file's path.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    /// Takes the lock of `database` for this process (its directory must exist), or throws when another
    /// process holds it.
    public static func acquire(database: String) throws(DatabaseLockError) -> DatabaseLock {
        let path = database + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unavailable(path: path, reason: Self.lastError()) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno == EWOULDBLOCK ? nil : Self.lastError()
            let holder = Self.holder(descriptor)
            close(descriptor)
            if let reason { throw .unavailable(path: path, reason: reason) }
            throw .held(database: database, holder: holder)
        }
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, text, text.count, 0) == text.count else {
            let reason = Self.lastError()
            close(descriptor)
            throw .unavailable(path: path, reason: reason)
        }
        return DatabaseLock(path: path, descriptor: descriptor)
    }

    /// The process id the holder wrote, if the file holds one.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: bytes[..<count], as: UTF8.self).trimmingSpaces)
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// Why a database's lock could not be taken.
public enum DatabaseLockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another process serves the database; `holder` is its process id when the lock file names one.
    case held(database: String, holder: Int32?)
    /// The lock file could not be opened, locked or written.
    case unavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .held(let database, let holder):
            let who = holder.map { "another chronod (pid \($0))" } ?? "another process"
            return "\(who) is serving \(database); one daemon per database file: stop it, or give another --db"
        case .unavailable(let path, let reason):
            return "cannot lock \(path): \(reason)"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and newlines.
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}
