public import ChronoProtocol

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The method table of a server and the source of the graph revision stamped on every terminal frame.
public struct Dispatcher: Sendable {
    /// The methods, by full name.
    private let methods: MethodTable
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
        self.methods = MethodTable(
            table.values.map { RegisteredMethod(descriptor: $0, calls: metrics.calls(of: $0.name)) }
        )
        self.currentRevision = currentRevision
        self.metrics = metrics
    }

    /// The method called `name`.
    /// - Throws: `UNIMPLEMENTED` naming the method when there is none.
    public func method(named name: String) throws(ChronoError) -> RegisteredMethod {
        guard let method = self.methods.method(named: name) else {
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

/// The methods of a dispatcher found by name without hashing it: a name is compared byte for byte (`memcmp`) only
/// with the names of its length, a few at most, where a dictionary ran SipHash over the whole name on every call
/// (5% of a pipelined `Health/Check`; half that now). `String`'s `==` is no shortcut: between a literal and a string
/// made from a request's bytes it takes its general path, as costly as the hash.
private struct MethodTable: Sendable {
    /// By the UTF-8 length of their names: each method with its name's bytes.
    private let byLength: [[(name: [UInt8], method: RegisteredMethod)]]

    init(_ methods: [RegisteredMethod]) {
        let named = methods.map { (name: Array($0.descriptor.name.rawValue.utf8), method: $0) }
        let longest = named.map(\.name.count).max() ?? 0
        var byLength = Array(repeating: [(name: [UInt8], method: RegisteredMethod)](), count: longest + 1)
        for entry in named { byLength[entry.name.count].append(entry) }
        self.byLength = byLength
    }

    /// The method called `name`, if any.
    func method(named name: String) -> RegisteredMethod? {
        var name = name
        return name.withUTF8 { bytes -> RegisteredMethod? in
            guard bytes.count < self.byLength.count else { return nil }
            return self.byLength[bytes.count].first { entry in
                entry.name.withUnsafeBytes { known in
                    guard let known = known.baseAddress, let asked = bytes.baseAddress else { return false }
                    return memcmp(known, asked, bytes.count) == 0
                }
            }?.method
        }
    }
}
