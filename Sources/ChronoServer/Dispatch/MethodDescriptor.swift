public import ChronoProtocol

/// One method of the protocol: its name, whether it streams, its schemas and its handler.
public struct MethodDescriptor: Sendable {
    /// Runs one call. Streaming handlers send data frames through `CallContext.send(_:)` first.
    public typealias Handler = @Sendable (CallContext) async throws -> MethodResult

    /// The full name, `chrono.v1.<Service>/<Method>`.
    public var name: MethodName
    /// The file in `Protocol/schemas/` describing the params.
    public var requestSchema: String
    /// The file in `Protocol/schemas/` describing the result.
    public var resultSchema: String
    /// The file in `Protocol/schemas/` describing each data frame's `data`, for streaming methods.
    public var dataSchema: String?
    /// The handler.
    public var handler: Handler

    /// Creates a descriptor whose schemas are `Protocol/schemas/<schema>.{request,result,data}.schema.json`.
    public init(_ name: MethodName, schema: String, handler: @escaping Handler) {
        self.name = name
        self.requestSchema = schema + ".request.schema.json"
        self.resultSchema = schema + ".result.schema.json"
        self.dataSchema = name.isStreaming ? schema + ".data.schema.json" : nil
        self.handler = handler
    }
}
