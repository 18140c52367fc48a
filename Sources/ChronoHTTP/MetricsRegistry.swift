public import ChronoServer
import Prometheus

/// The Prometheus registry behind chronod's `CallMetrics`, rendered at `GET /metrics`.
public struct MetricsRegistry: Sendable {
    private let registry = PrometheusCollectorRegistry()

    public init() {}

    /// The metrics a dispatcher records into this registry.
    public var callMetrics: CallMetrics {
        CallMetrics(factory: PrometheusMetricsFactory(registry: self.registry))
    }

    /// The registry in the Prometheus text format.
    func exposition() -> [UInt8] {
        self.registry.emitToBuffer()
    }
}
