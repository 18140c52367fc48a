public import ChronoStore
import Foundation

extension Dispatcher {
    /// Every method of protocol version 1, answered from `store`, with the live-graph methods at their
    /// defaults (writes from loopback only; snapshot databases unpacked under the temporary directory).
    public static func serving(store: GraphStore, started: ContinuousClock.Instant = .now) -> Dispatcher {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chronograph-\(UUID().uuidString)")
        return Self.serving(live: LiveGraph(store: store, scratchDirectory: scratch.path), started: started)
    }
}
