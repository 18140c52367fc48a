#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the standard output is connected to: it decides the default format, table width and colour.
public struct Terminal: Sendable, Hashable {
    /// Whether standard output is a terminal.
    public var isTTY: Bool
    /// Columns available for a table.
    public var width: Int
    /// Whether ANSI colour may be written.
    public var colour: Bool

    /// Creates a terminal description (tests use this to render as a terminal would).
    public init(isTTY: Bool, width: Int, colour: Bool) {
        self.isTTY = isTTY
        self.width = width
        self.colour = colour
    }

    /// The width used when neither the terminal nor `COLUMNS` says.
    public static let defaultWidth = 100

    /// Describes the process's standard output.
    ///
    /// Width: `ioctl(TIOCGWINSZ)` on a terminal, else `COLUMNS`, else 100. Colour: only on a terminal, and
    /// never when `NO_COLOR` is set to a non-empty value (https://no-color.org).
    public static func current(environment: [String: String]) -> Terminal {
        let isTTY = isatty(STDOUT_FILENO) == 1
        return Self.describe(isTTY: isTTY, windowColumns: isTTY ? Self.windowColumns() : nil, environment: environment)
    }

    /// The terminal for a given TTY state, window width (if known) and environment.
    static func describe(isTTY: Bool, windowColumns: Int?, environment: [String: String]) -> Terminal {
        var width = Self.defaultWidth
        if let windowColumns, windowColumns > 0 {
            width = windowColumns
        } else if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            width = columns
        }
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        return Terminal(isTTY: isTTY, width: width, colour: isTTY && !noColour)
    }

    private static func windowColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
