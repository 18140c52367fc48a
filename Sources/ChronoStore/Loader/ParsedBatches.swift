internal import ChronoGraph
internal import Foundation

/// Reads and parses a graph's files on a thread of its own, a few batches ahead of the writer, so that
/// parsing and SQLite run on two cores. The queue is bounded, so memory does not grow with the graph.
///
/// Batches come out in file and line order; a read or parse error travels in the batch after the records
/// before it, so the writer meets errors in the same order as reading line by line would.
///
/// `@unchecked Sendable`: `queue` and `stopped` are guarded by `condition`.
final class ParsedBatches: @unchecked Sendable {
    /// Records parsed in order, with the bytes read once they were.
    struct Batch: Sendable {
        var records: [LocatedRecord]
        /// Bytes of all files read up to the last record of the batch.
        var bytesRead: Int64
        /// The error that ended reading, after `records`.
        var error: (any Error)?
        /// Whether this is the last batch.
        var isLast: Bool
    }

    /// Records in a batch.
    static let batchSize = 256
    /// Batches parsed ahead of the writer at most.
    static let capacity = 8

    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var stopped = false

    /// Starts parsing `files` on a new thread.
    init(files: [GraphFile]) {
        let thread = Thread { [self] in self.produce(files) }
        thread.name = "chronograph.store.parse"
        thread.start()
    }

    /// The next batch, waiting for it if needed. Call it only until a batch with `isLast`.
    func next() -> Batch {
        self.condition.lock()
        defer { self.condition.unlock() }
        while self.queue.isEmpty { self.condition.wait() }
        let batch = self.queue.removeFirst()
        self.condition.broadcast()
        return batch
    }

    /// Makes the parsing thread stop at its next batch and drops what is queued.
    func stop() {
        self.condition.lock()
        defer { self.condition.unlock() }
        self.stopped = true
        self.queue.removeAll()
        self.condition.broadcast()
    }

    private struct Stopped: Error {}

    private func produce(_ files: [GraphFile]) {
        let parser = GraphRecordParser()
        var records: [LocatedRecord] = []
        records.reserveCapacity(Self.batchSize)
        var before: Int64 = 0
        do {
            for file in files {
                try file.reader.forEachLine { bytes, line, consumed in
                    if let located = try GraphLoader.parse(bytes, parser: parser, file: file.label, line: line) {
                        records.append(located)
                    }
                    guard records.count == Self.batchSize else { return }
                    try self.put(Batch(records: records, bytesRead: before + consumed, error: nil, isLast: false))
                    records.removeAll(keepingCapacity: true)
                }
                before += file.size
            }
            try? self.put(Batch(records: records, bytesRead: before, error: nil, isLast: true))
        } catch is Stopped {
            return
        } catch {
            try? self.put(Batch(records: records, bytesRead: before, error: error, isLast: true))
        }
    }

    /// Queues `batch`, waiting while the queue is full; throws `Stopped` once `stop()` was called.
    private func put(_ batch: Batch) throws(Stopped) {
        self.condition.lock()
        defer { self.condition.unlock() }
        while self.queue.count >= Self.capacity, !self.stopped { self.condition.wait() }
        guard !self.stopped else { throw Stopped() }
        self.queue.append(batch)
        self.condition.broadcast()
    }
}
