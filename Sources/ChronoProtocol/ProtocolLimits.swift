/// Limits fixed by the protocol itself (see `Protocol/PROTOCOL.md`, section "Limits").
public enum ProtocolLimits {
    /// Largest accepted line in bytes, not counting the newline: 1 MiB.
    public static let maximumLineLength = 1_048_576
    /// Largest accepted `deadline_ms`: one day.
    public static let maximumDeadlineMilliseconds: Int64 = 86_400_000
    /// Deepest nesting of arrays and objects in a request line.
    public static let maximumJSONDepth = 128
}
