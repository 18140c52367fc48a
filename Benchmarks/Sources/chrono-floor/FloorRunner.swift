import Foundation

/// Runs the requests on `connections` threads, one read-only connection and one call in flight each:
/// a warm-up, then a measured window; each thread records its own latencies.
final class FloorRunner: @unchecked Sendable {
    /// What all threads measured.
    struct Outcome {
        var latencies: [UInt64] = []
        var completed: UInt64 = 0
        var ok: UInt64 = 0
        /// Calls made, the warm-up's included (the denominator of CPU per call).
        var calls: UInt64 = 0
        var failures: [String] = []
        var connected = 0
    }

    private let path: String
    private let cacheKiB: Int
    private let requests: [FloorRequest]
    private let lock = NSLock()
    private var outcome = Outcome()

    init(path: String, cacheKiB: Int, requests: [FloorRequest]) {
        self.path = path
        self.cacheKiB = cacheKiB
        self.requests = requests
    }

    /// Runs `connections` workers for `warmup` + `duration` seconds and gathers what they measured.
    func run(connections: Int, warmup: Double, duration: Double) -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let measureFrom = start + UInt64(warmup * 1e9)
        let end = measureFrom + UInt64(duration * 1e9)
        let group = DispatchGroup()
        for index in 0..<connections {
            group.enter()
            let thread = Thread {
                self.work(index: index, connections: connections, measureFrom: measureFrom, end: end)
                group.leave()
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
        group.wait()
        return self.outcome
    }

    private func work(index: Int, connections: Int, measureFrom: UInt64, end: UInt64) {
        var local = Outcome()
        do {
            let connection = try FloorConnection(path: self.path, cacheKiB: self.cacheKiB)
            local.connected = 1
            var next = index * self.requests.count / connections
            while true {
                let started = DispatchTime.now().uptimeNanoseconds
                guard started < end else { break }
                let request = self.requests[next % self.requests.count]
                next += 1
                local.calls += 1
                var succeeded = true
                do {
                    _ = try connection.answer(request)
                } catch {
                    succeeded = false
                    if local.failures.count < 3 { local.failures.append(error.description) }
                }
                let finished = DispatchTime.now().uptimeNanoseconds
                if started >= measureFrom, finished <= end {
                    local.latencies.append(finished - started)
                    local.completed += 1
                    if succeeded { local.ok += 1 }
                }
            }
        } catch {
            local.failures.append(error.description)
        }
        self.lock.withLock {
            self.outcome.latencies += local.latencies
            self.outcome.completed += local.completed
            self.outcome.ok += local.ok
            self.outcome.calls += local.calls
            self.outcome.connected += local.connected
            self.outcome.failures += local.failures.prefix(max(0, 10 - self.outcome.failures.count))
        }
    }
}
