import ChronoProtocol

/// `chrono.v1.Call/Cancel`: `{"id": target}` → `{"cancelled": bool}`; the target ends with `CANCELLED`.
enum CallCancel {
    private struct Result: WireEncodable, Sendable {
        var cancelled: Bool

        func write(to writer: inout WireWriter) {
            writer.beginObject()
            writer.key("cancelled")
            writer.bool(self.cancelled)
            writer.endObject()
        }
    }

    /// The method; `cancelled` is false when no call with that id is in flight on this connection.
    static let descriptor = MethodDescriptor(
        .callCancel,
        schema: "call_cancel",
        inline: { context in
            var params = try context.params(expecting: ["id"])
            let value = try params.required("id", nullIsAbsent: false)
            guard let target = RequestID(value) else {
                throw JSONFieldError(
                    path: params.pathOf("id"),
                    message: "expected an integer or a string, got \(value.shortDescription)"
                )
            }
            guard target != context.id else {
                throw ChronoError.invalidArgument("params.id: a cancel cannot cancel itself")
            }
            return MethodResult(Result(cancelled: context.cancel(target)))
        }
    )
}
