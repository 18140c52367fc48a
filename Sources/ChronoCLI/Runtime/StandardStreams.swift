#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to stdout and stderr with `write(2)`, ending the process the Unix way when the reader has gone.
///
/// `chrono timeline | head` closes the pipe early; Foundation's `FileHandle.write` would trap on `EPIPE`.
/// Instead, as `cat` or `git` do, the process dies of `SIGPIPE` (exit status 141 in the shell), silently.
enum StandardStreams {
    /// Writes all of `text` to standard output.
    static func out(_ text: String) {
        self.write(text, to: STDOUT_FILENO)
    }

    /// Writes all of `text` to standard error.
    static func error(_ text: String) {
        self.write(text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #elseif canImport(Musl)
                Musl.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && errno == EPIPE {
                signal(SIGPIPE, SIG_DFL)
                raise(SIGPIPE)
                exit(141)
            } else {
                return
            }
        }
    }
}
