import ChronoProtocol
import Logging

/// Turns whatever a handler threw into the status sent to the client.
enum ErrorMapping {
    /// `StatusConvertible` errors keep their status; cancellation is `CANCELLED`; anything else is
    /// `INTERNAL` "internal error", with the detail logged (to `logger`, made only then) and never sent.
    static func status(
        for error: any Error,
        logger: @autoclosure () -> Logger
    ) -> (error: ChronoError, details: JSONValue?) {
        if let detailed = error as? any StatusDetailing {
            return (detailed.status, detailed.statusDetails)
        }
        if let convertible = error as? any StatusConvertible {
            return (convertible.status, nil)
        }
        if error is CancellationError {
            return (.cancelled("call cancelled"), nil)
        }
        logger().error("handler failed", metadata: ["error": "\(String(reflecting: error))"])
        return (.internal(), nil)
    }
}
