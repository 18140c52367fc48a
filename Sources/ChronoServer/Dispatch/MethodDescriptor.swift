public import ChronoProtocol

/// One method of the protocol: its name, whether it streams, its schemas and its handler.
public struct MethodDescriptor: Sendable {
    /// Runs one call. Streaming handlers send data frames through `CallContext.send(_:)` first.
    public typealias Handler = @Sendable (CallContext) async throws -> MethodResult
    /// Runs one call synchronously on the connection's event loop: for quick methods that neither block
    /// nor touch the database.
    public typealias InlineHandler = @Sendable (CallContext) throws -> MethodResult
    /// Tries a call synchronously on the connection's event loop, for methods whose answers are mostly
    /// small: `nil` when it cannot answer within a short budget, and the call then runs `handler` in a task.
    public typealias QuickHandler = @Sendable (CallContext) throws -> MethodResult?

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
    /// The same handler in synchronous form, when the method may run inline on the event loop.
    public var inlineHandler: InlineHandler?
    /// A first attempt at the call on the event loop, when the method may answer there (see `QuickHandler`).
    public var quickHandler: QuickHandler?
    /// Where the call's task should run, when the method mostly waits on one place (a store's reader).
    public var executor: (@Sendable () -> (any TaskExecutor)?)?

    /// Creates a descriptor whose schemas are `Protocol/schemas/<schema>.{request,result,data}.schema.json`.
    public init(_ name: MethodName, schema: String, handler: @escaping Handler) {
        self.name = name
        self.requestSchema = schema + ".request.schema.json"
        self.resultSchema = schema + ".result.schema.json"
        self.dataSchema = name.isStreaming ? schema + ".data.schema.json" : nil
        self.handler = handler
    }

    /// Creates a descriptor for a quick method that runs inline on the event loop, with no task of its own.
    public init(_ name: MethodName, schema: String, inline: @escaping InlineHandler) {
        self.init(name, schema: schema, handler: { context in try inline(context) })
        self.inlineHandler = inline
    }
}
