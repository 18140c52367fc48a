public import ChronoProtocol
public import CoreMetrics
import NIOConcurrencyHelpers

/// The server's measurements, reported to a swift-metrics backend: calls by method, status and transport,
/// their latency, open connections and running subscriptions.
///
/// Every transport records through the same instance (the dispatcher's), so TCP and HTTP calls are counted
/// alike. The backend caches its metrics by label and dimensions, so recording only names them.
public struct CallMetrics: Sendable {
    /// How a call reached the dispatcher: the `transport` dimension of every metric.
    public enum Transport: String, Sendable {
        case tcp
        case http
    }

    /// The dimensions of one call's metrics.
    private struct CallKey: Hashable {
        var method: MethodName
        var status: StatusCode
        var transport: Transport
    }

    private let factory: any MetricsFactory
    /// The handles of each call's metrics, made once: naming a metric again costs the backend a validation and
    /// lookups of its label and dimensions on every call. Bounded by the methods × statuses × transports.
    private let calls = NIOLockedValueBox<[CallKey: (count: Counter, duration: Timer)]>([:])

    /// Reports to `factory`; the default is the process-wide `MetricsSystem` backend (a no-op until bootstrapped).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// Counts one finished call (`chrono_calls_total`) and its latency (`chrono_call_duration_seconds`).
    public func recordCall(method: MethodName, status: StatusCode, transport: Transport, elapsed: Duration) {
        let key = CallKey(method: method, status: status, transport: transport)
        let handles = self.calls.withLockedValue { calls in
            if let handles = calls[key] { return handles }
            let dimensions = [("method", method.rawValue), ("transport", transport.rawValue)]
            let handles = (
                count: Counter(
                    label: "chrono_calls_total",
                    dimensions: dimensions + [("status", status.rawValue)],
                    factory: self.factory
                ),
                duration: Timer(label: "chrono_call_duration_seconds", dimensions: dimensions, factory: self.factory)
            )
            calls[key] = handles
            return handles
        }
        handles.count.increment()
        handles.duration.recordNanoseconds(elapsed.wholeNanoseconds)
    }

    /// Counts a connection opening (`opened`) or closing in `chrono_connections`.
    public func connection(opened: Bool, transport: Transport) {
        let meter = Meter(
            label: "chrono_connections",
            dimensions: [("transport", transport.rawValue)],
            factory: self.factory
        )
        if opened { meter.increment() } else { meter.decrement() }
    }

    /// Counts a `Watch/Subscribe` call starting (`started`) or ending in `chrono_subscribers`.
    func subscriber(started: Bool) {
        let meter = Meter(label: "chrono_subscribers", factory: self.factory)
        if started { meter.increment() } else { meter.decrement() }
    }

    /// The graph revision served now (`chrono_revision`), set when the metrics are read.
    public func recordRevision(_ revision: Int64) {
        Gauge(label: "chrono_revision", factory: self.factory).record(revision)
    }
}
