import BenchSupport
import NIOCore

/// Everything the run observes, confined to the tool's single event loop: which subscriptions are armed,
/// the commit in flight, and per subscriber whether (and when) its change frame for that commit arrived.
///
/// A commit's change is recognised by its event id (`marker`, quoted) in a `change` frame. A second such
/// frame for the same commit is a duplicate; a change frame without the marker, or at another revision
/// than the write's acknowledgement, is an error; a subscriber with no frame by the commit's deadline
/// missed it. `@unchecked Sendable`: every method runs on `loop` (checked by preconditions).
final class FanoutCoordinator: @unchecked Sendable {
    /// One commit's observations.
    struct Commit {
        var index: Int
        var marker: [UInt8]
        var sentAt: UInt64
        var ackAt: UInt64?
        var revision: Int64?
        var receivedAt: [UInt64?]
        var receivedRevision: [Int64?]
        var received = 0
    }

    let loop: any EventLoop
    let subscribers: Int
    private let firstSubscriber: [Int]
    private var armed: [Bool]
    private var armedCount = 0
    private var alive: [Bool]
    private var aliveCount: Int
    private var armedPromise: EventLoopPromise<Void>?
    private var commit: Commit?
    private var commitPromise: EventLoopPromise<Void>?
    /// The commits observed so far, in order.
    private(set) var finished: [Commit] = []
    /// Counts and samples of everything that went wrong.
    private(set) var errors = FanoutErrors()

    /// A coordinator for connections whose first subscriber indices are `firstSubscriber` (ascending).
    init(loop: any EventLoop, subscribers: Int, firstSubscriber: [Int]) {
        self.loop = loop
        self.subscribers = subscribers
        self.firstSubscriber = firstSubscriber
        self.armed = Array(repeating: false, count: subscribers)
        self.alive = Array(repeating: true, count: subscribers)
        self.aliveCount = subscribers
    }

    /// Succeeds once every live subscription has sent its initial frame.
    func waitArmed() -> EventLoopFuture<Void> {
        self.loop.preconditionInEventLoop()
        let promise = self.loop.makePromise(of: Void.self)
        self.armedPromise = promise
        self.checkArmed()
        return promise.futureResult
    }

    /// Stops waiting for subscriptions still unarmed (at the arming deadline); they count as ended.
    func stopWaitingArmed() {
        self.loop.preconditionInEventLoop()
        for subscriber in 0..<self.subscribers where self.alive[subscriber] && !self.armed[subscriber] {
            self.errors.note(.ended, "subscriber \(subscriber): no initial frame before the arming deadline")
            self.kill(subscriber)
        }
    }

    /// Subscriptions armed so far.
    var armedSubscribers: Int { self.armedCount }

    /// Subscriptions still open.
    var liveSubscribers: Int { self.aliveCount }

    /// Starts observing commit `index`, whose write was sent at `sentAt`; succeeds when every live
    /// subscriber has its change and the acknowledgement has arrived.
    func begin(commit index: Int, marker: String, sentAt: UInt64) -> EventLoopFuture<Void> {
        self.loop.preconditionInEventLoop()
        let promise = self.loop.makePromise(of: Void.self)
        self.commit = Commit(
            index: index,
            marker: Array("\"\(marker)\"".utf8),
            sentAt: sentAt,
            receivedAt: Array(repeating: nil, count: self.subscribers),
            receivedRevision: Array(repeating: nil, count: self.subscribers)
        )
        self.commitPromise = promise
        return promise.futureResult
    }

    /// Records the write's answer: its revision when `OK`, otherwise the commit ends as a failed write.
    func acknowledge(_ reply: Result<(ByteBuffer, UInt64), any Error>) {
        self.loop.preconditionInEventLoop()
        guard self.commit != nil else { return }
        switch reply {
        case .success(let (line, time)):
            self.commit?.ackAt = time
            let view = line
            guard ByteScan.contains(Self.okStatus, in: view), let revision = FrameScan.revision(in: view) else {
                self.errors.note(.write, "commit \(self.commit?.index ?? 0): \(ByteScan.excerpt(view))")
                self.finish(expectNotifications: false)
                return
            }
            self.commit?.revision = revision
            self.checkCommit()
        case .failure(let error):
            self.errors.note(.write, "commit \(self.commit?.index ?? 0): \(error)")
            self.finish(expectNotifications: false)
        }
    }

    /// Ends the commit in flight (every notification in, or its deadline passed): records it in
    /// `finished`, counts the notifications missing, and completes the commit's future.
    func finish() {
        self.finish(expectNotifications: true)
    }

    /// Handles one frame read on `connection` at uptime `time`.
    func frame(_ line: ByteBuffer, connection: Int, at time: UInt64) {
        guard let callID = FrameScan.callID(in: line), callID >= 1,
            let subscriber = self.subscriber(connection: connection, call: callID)
        else {
            self.errors.note(.unexpectedFrame, "connection \(connection): \(ByteScan.excerpt(line))")
            return
        }
        switch FrameScan.kind(of: line) {
        case .initial:
            guard !self.armed[subscriber] else {
                self.errors.note(.unexpectedFrame, "subscriber \(subscriber): a second initial frame")
                return
            }
            self.armed[subscriber] = true
            self.armedCount += 1
            self.checkArmed()
        case .change:
            self.change(line, subscriber: subscriber, at: time)
        case .progress:
            break
        case .terminal:
            self.errors.note(.ended, "subscriber \(subscriber) ended: \(ByteScan.excerpt(line))")
            self.kill(subscriber)
        case .other:
            self.errors.note(.unexpectedFrame, "subscriber \(subscriber): \(ByteScan.excerpt(line))")
        }
    }

    /// Marks every subscriber of `connection` as gone.
    func connectionClosed(_ connection: Int, reason: String) {
        let range = self.subscribers(of: connection)
        var lost = 0
        for subscriber in range where self.alive[subscriber] {
            self.kill(subscriber)
            lost += 1
        }
        if lost > 0 { self.errors.note(.ended, "connection \(connection): \(reason) (\(lost) subscriptions)") }
    }

    private func change(_ line: ByteBuffer, subscriber: Int, at time: UInt64) {
        guard var commit = self.commit, ByteScan.contains(commit.marker, in: line) else {
            self.errors.note(.unexpectedChange, "subscriber \(subscriber): \(ByteScan.excerpt(line))")
            return
        }
        guard commit.receivedAt[subscriber] == nil else {
            self.errors.note(.duplicated, "subscriber \(subscriber): commit \(commit.index) notified twice")
            return
        }
        commit.receivedAt[subscriber] = time
        commit.receivedRevision[subscriber] = FrameScan.revision(in: line)
        commit.received += 1
        self.commit = commit
        self.checkCommit()
    }

    private static let okStatus = Array(#""status":"OK""#.utf8)

    private func finish(expectNotifications: Bool) {
        self.loop.preconditionInEventLoop()
        guard let commit = self.commit else { return }
        self.commit = nil
        for subscriber in 0..<self.subscribers where expectNotifications {
            if self.alive[subscriber] && commit.receivedAt[subscriber] == nil {
                self.errors.note(.missed, "subscriber \(subscriber): no change for commit \(commit.index)")
            }
            if let seen = commit.receivedRevision[subscriber], seen != commit.revision {
                self.errors.note(
                    .wrongRevision,
                    "subscriber \(subscriber): commit \(commit.index) acknowledged as revision "
                        + "\(commit.revision.map(String.init) ?? "none"), change frame at \(seen)"
                )
            }
        }
        self.finished.append(commit)
        self.commitPromise?.succeed()
        self.commitPromise = nil
    }

    private func kill(_ subscriber: Int) {
        guard self.alive[subscriber] else { return }
        self.alive[subscriber] = false
        self.aliveCount -= 1
        self.checkArmed()
        self.checkCommit()
    }

    private func checkArmed() {
        guard let promise = self.armedPromise else { return }
        let waiting = (0..<self.subscribers).contains { self.alive[$0] && !self.armed[$0] }
        guard !waiting else { return }
        self.armedPromise = nil
        promise.succeed()
    }

    private func checkCommit() {
        guard let commit = self.commit, commit.revision != nil else { return }
        let waiting = (0..<self.subscribers).contains { self.alive[$0] && commit.receivedAt[$0] == nil }
        guard !waiting else { return }
        self.finish(expectNotifications: true)
    }

    private func subscribers(of connection: Int) -> Range<Int> {
        let first = self.firstSubscriber[connection]
        let end = connection + 1 < self.firstSubscriber.count ? self.firstSubscriber[connection + 1] : self.subscribers
        return first..<end
    }

    private func subscriber(connection: Int, call: Int) -> Int? {
        guard self.firstSubscriber.indices.contains(connection) else { return nil }
        let range = self.subscribers(of: connection)
        let subscriber = range.lowerBound + call - 1
        return range.contains(subscriber) ? subscriber : nil
    }
}
