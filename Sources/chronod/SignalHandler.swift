import Dispatch
import Foundation

/// Runs a handler on SIGINT/SIGTERM instead of the default (terminate), so shutdown can be graceful.
///
/// The handler runs on a private serial dispatch queue. Keep the instance alive while it should listen.
final class SignalHandler {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "chronod.signals")
        self.sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    /// Stops listening for the signals.
    func cancel() {
        for source in self.sources { source.cancel() }
    }
}
