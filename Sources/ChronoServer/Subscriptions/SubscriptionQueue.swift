import ChronoProtocol
import NIOConcurrencyHelpers

/// The frames a subscription has produced and its client has not yet taken, bounded in frames and bytes.
///
/// Policy: a change frame that would pass either bound is refused (`push` returns `false`) and the
/// subscription ends with `RESOURCE_EXHAUSTED`; progress frames never overflow: a new one replaces a
/// progress frame still waiting, and one that does not fit is dropped. So a subscriber that stops
/// reading holds at most `maximumFrames` frames and `maximumBytes` bytes of the daemon's memory.
final class SubscriptionQueue: Sendable {
    /// Most frames held.
    let maximumFrames: Int
    /// Most encoded bytes held.
    let maximumBytes: Int

    private struct State {
        var frames: [(frame: QueuedFrame, bytes: Int)] = []
        var bytes = 0
        var waiter: CheckedContinuation<QueuedFrame?, Never>?
        var closed = false
    }

    private let state = NIOLockedValueBox(State())

    init(maximumFrames: Int, maximumBytes: Int) {
        self.maximumFrames = max(1, maximumFrames)
        self.maximumBytes = max(1, maximumBytes)
    }

    /// A frame as held: encoded already (change frames shared by subscribers in step), or not.
    enum QueuedFrame: Sendable {
        case frame(SubscriptionFrame)
        case encoded(EncodedFrame)

        /// What the sender passes to `CallContext.send`.
        var payload: any WireEncodable & Sendable {
            switch self {
            case .frame(let frame): frame
            case .encoded(let encoded): encoded
            }
        }

        var isProgress: Bool {
            if case .frame(let frame) = self { return frame.kind == .progress }
            return false
        }
    }

    /// Queues the first frame (initial, or a resumed subscription's change); `false` once closed. It is
    /// not counted against the byte bound.
    func push(initial frame: EncodedFrame) -> Bool {
        self.push(.encoded(frame), bytes: 0)
    }

    /// Queues an encoded change frame; `false` when it would pass a bound.
    func push(_ frame: EncodedFrame) -> Bool {
        self.push(.encoded(frame), bytes: frame.json.count)
    }

    private func push(_ frame: QueuedFrame, bytes: Int) -> Bool {
        self.state.withLockedValue { state in
            guard !state.closed else { return false }
            if let waiter = state.waiter {
                state.waiter = nil
                waiter.resume(returning: frame)
                return true
            }
            guard state.frames.count < self.maximumFrames, state.bytes + bytes <= self.maximumBytes else {
                return false
            }
            state.frames.append((frame, bytes))
            state.bytes += bytes
            return true
        }
    }

    /// Queues a progress frame, replacing one still waiting; dropped when the queue is full.
    func pushProgress(_ revision: Int64) {
        let frame = QueuedFrame.frame(.progress(revision))
        self.state.withLockedValue { state in
            guard !state.closed else { return }
            if let waiter = state.waiter {
                state.waiter = nil
                waiter.resume(returning: frame)
            } else if let last = state.frames.last, last.frame.isProgress {
                state.frames[state.frames.count - 1].frame = frame
            } else if state.frames.count < self.maximumFrames {
                state.frames.append((frame, 0))
            }
        }
    }

    /// The next frame, waiting for one; `nil` once closed (or when the waiting task is cancelled).
    func next() async -> QueuedFrame? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<QueuedFrame?, Never>) in
                self.state.withLockedValue { state in
                    if !state.frames.isEmpty {
                        let first = state.frames.removeFirst()
                        state.bytes -= first.bytes
                        continuation.resume(returning: first.frame)
                    } else if state.closed || Task.isCancelled {
                        continuation.resume(returning: nil)
                    } else {
                        state.waiter = continuation
                    }
                }
            }
        } onCancel: {
            self.close()
        }
    }

    /// Whether the queue has been closed (by the sender when the client went away, or on overflow).
    var isClosed: Bool { self.state.withLockedValue { $0.closed } }

    /// Frames held now.
    var count: Int { self.state.withLockedValue { $0.frames.count } }

    /// Ends the queue: frames still held are dropped and a waiting `next()` returns `nil`.
    func close() {
        let waiter = self.state.withLockedValue { state -> CheckedContinuation<QueuedFrame?, Never>? in
            state.closed = true
            state.frames.removeAll()
            state.bytes = 0
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }
}
