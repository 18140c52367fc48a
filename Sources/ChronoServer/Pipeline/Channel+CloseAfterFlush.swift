import NIOCore

extension Channel {
    /// Closes the connection once every frame already written has reached the socket: shutting the output
    /// down waits for pending writes, where a plain close would drop them. With a `grace`, the full close
    /// waits that long after the output is shut, so the client can read what came and close its end first.
    func closeAfterFlush(grace: TimeAmount? = nil) {
        self.close(mode: .output).whenComplete { _ in
            guard let grace else {
                self.close(promise: nil)
                return
            }
            self.eventLoop.scheduleTask(in: grace) { self.close(promise: nil) }
        }
    }
}
