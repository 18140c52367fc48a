import ChronoFraming
import ChronoProtocol
import Logging
import NIOCore

/// The end of a connection's pipeline: cuts the incoming bytes into request lines (`RequestLines`, one pass
/// over each read), hands each to the connection's `Session` on the event loop, and sends the frames it
/// answers at once as one write and one flush per read burst.
///
/// Invariant: those frames go out in the order of their lines, and before anything written after them: the
/// session writes them, one line each, straight into the burst's `answers` (no buffer per frame), which are
/// written when the burst ends (`channelReadComplete`), and before this handler writes, closes or lets the
/// session close anything else. Calls running in tasks write from other threads, so their frames reach the
/// event loop only after the burst, as they did when each frame was written at once.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let session: Session
    private let logger: Logger
    private var lines = RequestLines(maximumLineLength: ProtocolLimits.maximumLineLength)
    /// Set once the connection is being closed for a broken line: nothing read after it is taken.
    private var refusing = false
    /// The frames answered since the burst began, each a whole line; written as one buffer.
    private var answers = WireWriter(capacity: 1024)
    private var flushPending = false
    /// The most memory `answers` keeps between bursts: a connection that once answered a large frame at once
    /// does not hold its room while idle.
    private static let keptAnswerCapacity = 4096

    init(session: Session, logger: Logger) {
        self.session = session
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.refusing else { return }
        do {
            try self.lines.read(self.unwrapInboundIn(data), allocator: context.channel.allocator) { line in
                if self.session.handle(line: line, answers: &self.answers) {
                    self.flushAnswers(context: context)
                    context.channel.closeAfterFlush()
                }
            }
        } catch {
            self.refuseLongLine(context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.writeAnswers(context: context)
        if self.flushPending {
            self.flushPending = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            if self.lines.hasUnfinishedLine {
                // A line the client never finished is a broken connection, not a call: it closes unanswered.
                self.logger.debug("connection closed its input inside a request line")
                self.refusing = true
                self.session.connectionLost()
                context.close(promise: nil)
            } else {
                self.flushAnswers(context: context)
                self.session.inputClosed()
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.answers.removeAll(keepingCapacityUpTo: 0)
        self.session.connectionLost()
        self.logger.debug("connection closed")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("connection failed", metadata: ["error": "\(error)"])
        self.session.connectionLost()
        context.close(promise: nil)
    }

    /// Answers a line over the limit and closes once the answer is out; the rest of the line is never read.
    private func refuseLongLine(context: ChannelHandlerContext) {
        self.refusing = true
        self.session.refuseLineTooLong(answers: &self.answers)
        self.session.connectionLost()
        self.flushAnswers(context: context)
        context.channel.closeAfterFlush()
    }

    /// Writes the burst's frames, if any, without flushing them.
    private func writeAnswers(context: ChannelHandlerContext) {
        guard self.answers.count > 0 else { return }
        var buffer = context.channel.allocator.buffer(capacity: self.answers.count)
        self.answers.withBytes { _ = buffer.writeBytes($0) }
        self.answers.removeAll(keepingCapacityUpTo: Self.keptAnswerCapacity)
        context.write(self.wrapOutboundOut(buffer), promise: nil)
        self.flushPending = true
    }

    /// Writes and flushes what the burst answered so far.
    private func flushAnswers(context: ChannelHandlerContext) {
        self.writeAnswers(context: context)
        guard self.flushPending else { return }
        self.flushPending = false
        context.flush()
    }
}

/// Lives on its channel's event loop only.
@available(*, unavailable)
extension SessionHandler: Sendable {}
