import ChronoProtocol
public import CoreMetrics
import NIOConcurrencyHelpers

/// The server's measurements, reported to a swift-metrics backend: calls by method, status and transport,
/// their latency, open connections and running subscriptions.
///
/// Every transport records through the same instance (the dispatcher's), so TCP and HTTP calls are counted
/// alike. The backend caches its metrics by label and dimensions, so recording only names them.
public struct CallMetrics: Sendable {
    /// How a call reached the dispatcher: the `transport` dimension of every metric.
    public enum Transport: String, Sendable, CaseIterable {
        case tcp
        case http

        /// The transport's position in `allCases`.
        fileprivate var position: Int {
            switch self {
            case .tcp: 0
            case .http: 1
            }
        }
    }

    private let factory: any MetricsFactory

    /// Reports to `factory`; the default is the process-wide `MetricsSystem` backend (a no-op until bootstrapped).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// The recorder of `method`'s calls. The dispatcher makes one per method, once, so recording a call looks
    /// nothing up by name.
    func calls(of method: MethodName) -> MethodCalls {
        MethodCalls(method: method, factory: self.factory)
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

/// One method's calls: `chrono_calls_total` by status and transport, `chrono_call_duration_seconds` by transport.
///
/// Each handle is made the first time a call needs it (naming a metric costs the backend a validation and
/// look-ups of its label and dimensions) and kept; a series appears in the backend once a call has used it.
/// Handles are found by comparing enum cases, never by hashing the names (a raw-value enum hashes its string).
final class MethodCalls: Sendable {
    private struct Handles {
        /// By `Transport.position`.
        var durations: [Timer?] = Array(repeating: nil, count: CallMetrics.Transport.allCases.count)
        /// Bounded by the statuses × transports a method has answered with.
        var counts: [(status: StatusCode, transport: CallMetrics.Transport, counter: Counter)] = []
    }

    private let method: MethodName
    private let factory: any MetricsFactory
    private let handles = NIOLockedValueBox(Handles())

    init(method: MethodName, factory: any MetricsFactory) {
        self.method = method
        self.factory = factory
    }

    /// Counts one finished call and its latency.
    func record(status: StatusCode, transport: CallMetrics.Transport, elapsed: Duration) {
        let (counter, timer) = self.handles.withLockedValue { handles in
            let timer: Timer
            if let made = handles.durations[transport.position] {
                timer = made
            } else {
                timer = Timer(
                    label: "chrono_call_duration_seconds",
                    dimensions: self.dimensions(transport),
                    factory: self.factory
                )
                handles.durations[transport.position] = timer
            }
            if let made = handles.counts.first(where: { $0.status == status && $0.transport == transport }) {
                return (made.counter, timer)
            }
            let counter = Counter(
                label: "chrono_calls_total",
                dimensions: self.dimensions(transport) + [("status", status.rawValue)],
                factory: self.factory
            )
            handles.counts.append((status, transport, counter))
            return (counter, timer)
        }
        counter.increment()
        timer.recordNanoseconds(elapsed.wholeNanoseconds)
    }

    private func dimensions(_ transport: CallMetrics.Transport) -> [(String, String)] {
        [("method", self.method.rawValue), ("transport", transport.rawValue)]
    }
}
