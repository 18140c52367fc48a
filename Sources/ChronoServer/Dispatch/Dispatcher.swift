public import ChronoProtocol

/// The method table of a server and the source of the graph revision stamped on every terminal frame.
public struct Dispatcher: Sendable {
    /// The methods, by full name.
    private let methods: [String: RegisteredMethod]
    /// The graph revision now, for frames whose result does not name one; must be quick (it is read on
    /// the event loop).
    public let currentRevision: @Sendable () -> Int64
    /// Where every transport records its calls.
    public let metrics: CallMetrics

    /// Creates a dispatcher; with `reflection`, `chrono.v1.Reflection/List` is added, listing every method.
    public init(
        methods: [MethodDescriptor],
        reflection: Bool = true,
        metrics: CallMetrics = CallMetrics(),
        currentRevision: @escaping @Sendable () -> Int64
    ) {
        var table = Dictionary(methods.map { ($0.name.rawValue, $0) }, uniquingKeysWith: { _, last in last })
        if reflection {
            let listing = ReflectionList.descriptor(listing: Array(table.values))
            table[listing.name.rawValue] = listing
        }
        self.methods = table.mapValues { RegisteredMethod(descriptor: $0, calls: metrics.calls(of: $0.name)) }
        self.currentRevision = currentRevision
        self.metrics = metrics
    }

    /// The method called `name`.
    /// - Throws: `UNIMPLEMENTED` naming the method when there is none.
    public func method(named name: String) throws(ChronoError) -> RegisteredMethod {
        guard let method = self.methods[name] else {
            throw .unimplemented("method: unknown method \"\(name)\"")
        }
        return method
    }
}

/// A method as a dispatcher holds it: its descriptor and the recorder of its calls, both made once, so a call
/// finds everything it needs with one look-up by name.
public final class RegisteredMethod: Sendable {
    /// The method.
    public let descriptor: MethodDescriptor
    /// Its calls' metrics.
    let calls: MethodCalls

    init(descriptor: MethodDescriptor, calls: MethodCalls) {
        self.descriptor = descriptor
        self.calls = calls
    }
}
