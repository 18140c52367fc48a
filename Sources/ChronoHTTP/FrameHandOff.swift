/// The frames of one call on their way from the call's task to the response writer, one at a time.
///
/// `send` returns once the receiver has taken the element (or the sending task is cancelled), so the call
/// runs at most one frame ahead of its reader: a client that does not read holds its call still. Two
/// standard-library streams carry it, elements one way and acknowledgements the other; each side is used by
/// one task at a time.
struct FrameHandOff<Element: Sendable>: Sendable {
    private let elements: AsyncStream<Element>
    private let elementSink: AsyncStream<Element>.Continuation
    private let taken: AsyncStream<Void>
    private let takenSink: AsyncStream<Void>.Continuation

    init() {
        (self.elements, self.elementSink) = AsyncStream.makeStream(of: Element.self)
        (self.taken, self.takenSink) = AsyncStream.makeStream(of: Void.self)
    }

    /// Hands `element` over and waits until the receiver has taken it; returns early when the sending task
    /// is cancelled (the caller checks for cancellation).
    func send(_ element: Element) async {
        self.elementSink.yield(element)
        var acknowledgements = self.taken.makeAsyncIterator()
        _ = await acknowledgements.next()
    }

    /// No element follows: the receiver's `next()` returns `nil` once it has taken the ones sent.
    func finish() {
        self.elementSink.finish()
    }

    /// The next element, acknowledged to its sender; `nil` after `finish()` or when the receiving task is
    /// cancelled.
    func next() async -> Element? {
        var iterator = self.elements.makeAsyncIterator()
        guard let element = await iterator.next() else { return nil }
        self.takenSink.yield()
        return element
    }
}
