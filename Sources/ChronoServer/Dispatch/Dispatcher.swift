public import ChronoProtocol

/// The method table of a server and the source of the graph revision stamped on every terminal frame.
public struct Dispatcher: Sendable {
    /// The methods, by full name.
    public let methods: [String: MethodDescriptor]
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
        self.methods = table
        self.currentRevision = currentRevision
        self.metrics = metrics
    }

    /// The method called `name`.
    /// - Throws: `UNIMPLEMENTED` naming the method when there is none.
    public func descriptor(for name: String) throws(ChronoError) -> MethodDescriptor {
        guard let descriptor = self.methods[name] else {
            throw .unimplemented("method: unknown method \"\(name)\"")
        }
        return descriptor
    }
}
