import ChronoProtocol
import ChronoStore

/// Adds `as_of` (a snapshot id) to every read method: such a call is answered by the same method on a
/// database unpacked from that snapshot (cached by id), and stamped with the snapshot's revision; it is never
/// answered at once on the event loop (unpacking a snapshot takes long).
enum AsOfRouting {
    static func wrap(_ descriptors: [MethodDescriptor], live: any GraphService) -> [MethodDescriptor] {
        descriptors.map { descriptor in
            var routed = descriptor
            routed.handler = { context in
                guard let value = context.params["as_of"], value != .null else {
                    return try await descriptor.handler(context)
                }
                guard case .string(let id) = value, !id.isEmpty else {
                    throw ChronoError.invalidArgument("params.as_of: expected a snapshot id")
                }
                let store = try await live.reader(asOf: id)
                var params = context.params
                params["as_of"] = nil
                return try await GraphMethods.answer(descriptor.name, context.with(params: params), on: store)
            }
            if let quick = descriptor.quickHandler {
                routed.quickHandler = { context in
                    guard (context.params["as_of"] ?? .null) == .null else { return nil }
                    return try quick(context)
                }
            }
            return routed
        }
    }
}
