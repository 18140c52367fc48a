public import ChronoProtocol

/// One method of the protocol: its name, whether it streams, its schemas and its handler.
public struct MethodDescriptor: Sendable {
    /// Runs one call. Streaming handlers send data frames through `CallContext.send(_:)` first.
    public typealias Handler = @Sendable (CallContext) async throws -> MethodResult

    /// The full name, `chrono.v1.<Service>/<Method>`.
    public var name: MethodName
    /// The `$id` of the request params schema in `Protocol/schemas/`.
    public var requestSchema: String
    /// The `$id` of the result schema in `Protocol/schemas/`.
    public var resultSchema: String
    /// The `$id` of the data frame payload schema, for streaming methods.
    public var dataSchema: String?
    /// The handler.
    public var handler: Handler

    /// Creates a descriptor; schema names follow `Protocol/schemas/<file>.schema.json`.
    public init(
        _ name: MethodName,
        request: String,
        result: String,
        data: String? = nil,
        handler: @escaping Handler
    ) {
        self.name = name
        self.requestSchema = request
        self.resultSchema = result
        self.dataSchema = data
        self.handler = handler
    }
}
