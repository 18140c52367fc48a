import Foundation
import Logging
import NIOCore
import NIOEmbedded
import Synchronization
import Testing

@testable import ChronoProtocol
@testable import ChronoServer

/// A connection's pipeline as the server builds it, on an `EmbeddedChannel`: lines read without JSON values
/// (the fast path) are answered byte for byte as the generic parse's lines are, and the answers of lines that
/// arrive together go out in their order, in one write and one flush.
@Suite struct SessionPipelineTests {
    /// Counts the writes and flushes that reach the socket end of the pipeline.
    private final class SocketEnd: ChannelOutboundHandler {
        typealias OutboundIn = ByteBuffer
        var writes = 0
        var flushes = 0

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            self.writes += 1
            context.write(data, promise: promise)
        }

        func flush(context: ChannelHandlerContext) {
            self.flushes += 1
            context.flush()
        }
    }

    private static let ids = [
        "1", "0", "-0", "-42", "999999999999999999", #""""#, #""abc""#, #""a b/c:{}[],~""#,
    ]

    /// Request lines of every shape the fast path reads, with `$ID` and `$METHOD` to fill in.
    private static let shapes = [
        #"{"id":$ID,"method":"$METHOD","params":{}}"#,
        #"{"id":$ID,"method":"$METHOD"}"#,
        #"{"method":"$METHOD","params":{ },"id":$ID}"#,
        " \t{ \"id\" : $ID ,\r\"method\"\t:\"$METHOD\" , \"params\" : { } } \r ",
    ]

    /// Params-less calls with answers of each kind: a result, a failure of the handler, an unknown method.
    private static let methods = [
        "chrono.v1.Health/Check", "chrono.v1.Reflection/List", "chrono.v1.Call/Cancel", "chrono.v1.Nope/Nothing",
    ]

    private static func connection(
        _ configuration: ChronoServer.Configuration = ChronoServer.Configuration()
    ) throws -> (EmbeddedChannel, SocketEnd) {
        let channel = EmbeddedChannel()
        let socketEnd = SocketEnd()
        try channel.pipeline.syncOperations.addHandler(socketEnd)
        let dispatcher = Dispatcher(methods: Dispatcher.builtinMethods(revision: { 7 }), currentRevision: { 7 })
        try ChronoServer.initialize(
            channel,
            dispatcher: dispatcher,
            configuration: configuration,
            logger: Logger(label: "chronod.test"),
            registry: SessionRegistry(limit: 10, metrics: dispatcher.metrics)
        )
        return (channel, socketEnd)
    }

    /// Sends `lines` in one read and returns the answer lines (each without its newline).
    private static func exchange(_ lines: [String], on channel: EmbeddedChannel) throws -> [String] {
        try channel.writeInbound(ByteBuffer(string: lines.map { $0 + "\n" }.joined()))
        var text = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { text += String(buffer: buffer) }
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The uptime is the only member that moves between two answers.
    private static func steady(_ answer: String) -> String {
        answer.replacing(/"uptime_ms":[0-9]+/, with: #""uptime_ms":0"#)
    }

    @Test func fastPathAnswersAreTheGenericPathsByteForByte() throws {
        let (channel, _) = try Self.connection()
        for method in Self.methods {
            for shape in Self.shapes {
                for id in Self.ids {
                    let line = shape.replacing("$ID", with: id).replacing("$METHOD", with: method)
                    // An escaped slash gives the same request, read by the generic parser.
                    let twin = line.replacing("/", with: #"\/"#)
                    #expect(Request.plain(line) != nil && Request.plain(twin) == nil)
                    let answers = try Self.exchange([line, twin], on: channel)
                    try #require(answers.count == 2)
                    #expect(Self.steady(answers[0]) == Self.steady(answers[1]), "\(line)")
                    // Every id comes back as written, but for `-0`: the integer 0, as the generic path echoes it.
                    let echoed = id == "-0" ? "0" : id
                    #expect(answers[0].hasPrefix("{\"id\":\(echoed),"), "\(line) → \(answers[0])")
                }
            }
        }
        _ = try channel.finish()
    }

    @Test func aPipelinedBurstIsAnsweredInOrderInOneWriteAndOneFlush() throws {
        let (channel, socketEnd) = try Self.connection()
        let lines = (1...16).map { n in
            switch n % 4 {
            case 0: #"{"id":\#(n),"method":"chrono.v1.Health/Check"}"#
            case 1: #"{"id":"s\#(n)","method":"chrono.v1.Health/Check","params":{}}"#
            case 2: #"{"id":\#(n),"method":"chrono.v1.Health/Check","deadline_ms":1000}"#
            default: n == 3 ? "not json" : #"{"id":\#(n),"method":"chrono.v1.Nope/Nothing"}"#
            }
        }
        let answers = try Self.exchange(lines, on: channel)
        #expect(socketEnd.writes == 1)
        #expect(socketEnd.flushes == 1)
        let expectedIDs = (1...16).map { n in n == 3 ? "null" : n % 4 == 1 ? "\"s\(n)\"" : "\(n)" }
        #expect(answers.map { $0.firstMatch(of: /^\{"id":([^,]+),/).map { String($0.1) } } == expectedIDs)
        #expect(answers.filter { $0.contains(#""status":"OK""#) }.count == 12)
        _ = try channel.finish()
    }

    /// Answers are written in place, one after another: one over the result size limit is taken back and its
    /// refusal written where it stood, between whole answers.
    @Test func anAnswerOverTheSizeLimitIsRefusedWhereItStood() throws {
        let (channel, socketEnd) = try Self.connection(ChronoServer.Configuration(maximumResultBytes: 300))
        let answers = try Self.exchange(
            [
                #"{"id":1,"method":"chrono.v1.Health/Check"}"#,
                #"{"id":2,"method":"chrono.v1.Reflection/List"}"#,
                #"{"id":3,"method":"chrono.v1.Health/Check"}"#,
            ],
            on: channel
        )
        #expect(socketEnd.writes == 1)
        let responses = try answers.map { try JSONDecoder().decode(Response.self, from: Data($0.utf8)) }
        #expect(responses.map(\.id) == [.int(1), .int(2), .int(3)])
        #expect(responses.map(\.status) == [.ok, .resourceExhausted, .ok])
        #expect(responses[1].message?.hasPrefix("result of ") == true)
        #expect(responses[1].message?.contains("exceeds the limit of 300 bytes") == true)
        _ = try channel.finish()
    }

    @Test func aLongLineIsRefusedAfterTheAnswersBeforeIt() throws {
        let (channel, socketEnd) = try Self.connection()
        let long = String(repeating: "x", count: ProtocolLimits.maximumLineLength + 1)
        let answers = try Self.exchange([#"{"id":1,"method":"chrono.v1.Health/Check"}"#, long], on: channel)
        #expect(answers.count == 2)
        #expect(answers.first?.hasPrefix(#"{"id":1,"result":{"revision":7,"status":"SERVING","#) == true)
        #expect(answers.last?.hasPrefix(#"{"id":null,"message":"request line exceeds the maximum"#) == true)
        #expect(answers.last?.hasSuffix(#""status":"RESOURCE_EXHAUSTED"}"#) == true)
        #expect(socketEnd.flushes == 1)
        _ = try? channel.finish()
    }

    /// A client that closes its sending side inside a line: the lines it finished are answered, the unfinished
    /// one is not a call, and the connection closes.
    @Test func aHalfCloseInsideALineAnswersTheFinishedLinesAndCloses() throws {
        let (channel, _) = try Self.connection()
        try channel.writeInbound(ByteBuffer(string: #"{"id":1,"method":"chrono.v1.Health/Check"}"# + "\n{\"id\":2,"))
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        var text = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { text += String(buffer: buffer) }
        let answers = text.split(separator: "\n")
        #expect(answers.count == 1, "\(answers)")
        #expect(answers.first?.hasPrefix(#"{"id":1,"result":{"revision":7,"status":"SERVING","#) == true)
        #expect(!channel.isActive)
        _ = try? channel.finish()
    }

    /// A half-close after whole lines is the end of the client's calls: they are answered, then it closes.
    @Test func aHalfCloseAfterWholeLinesAnswersThemAndCloses() throws {
        let (channel, _) = try Self.connection()
        let lines = (1...3).map { #"{"id":\#($0),"method":"chrono.v1.Health/Check"}"# + "\n" }.joined()
        try channel.writeInbound(ByteBuffer(string: lines))
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        channel.embeddedEventLoop.run()
        var text = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { text += String(buffer: buffer) }
        #expect(text.split(separator: "\n").map { $0.prefix(7) } == [#"{"id":1"#, #"{"id":2"#, #"{"id":3"#])
        #expect(!channel.isActive)
        _ = try? channel.finish()
    }

    /// A failure a handler did not expect is logged with the call's id and method, although the call's
    /// logger is made only when something is logged.
    @Test func anUnexpectedFailureIsLoggedWithTheCallsIdAndMethod() throws {
        struct Unexpected: Error {}
        let records = LogRecords()
        let broken = MethodDescriptor(.statsGet, schema: "stats_get", inline: { _ in throw Unexpected() })
        let dispatcher = Dispatcher(
            methods: Dispatcher.builtinMethods(revision: { 7 }) + [broken],
            currentRevision: { 7 }
        )
        let channel = EmbeddedChannel()
        try ChronoServer.initialize(
            channel,
            dispatcher: dispatcher,
            configuration: ChronoServer.Configuration(),
            logger: Logger(label: "chronod.test") { _ in RecordingLogHandler(records: records) },
            registry: SessionRegistry(limit: 10, metrics: dispatcher.metrics)
        )
        let answers = try Self.exchange(
            [#"{"id":1,"method":"chrono.v1.Health/Check"}"#, #"{"id":2,"method":"chrono.v1.Stats/Get"}"#],
            on: channel
        )
        #expect(answers.last?.contains(#""status":"INTERNAL""#) == true, "\(answers)")
        let logged = records.entries.filter { $0.message == "handler failed" }
        #expect(logged.count == 1)
        #expect(logged.first?.metadata["call"] == "2")
        #expect(logged.first?.metadata["method"] == "chrono.v1.Stats/Get")
        _ = try? channel.finish()
    }
}

/// What a `RecordingLogHandler` was given to log.
private final class LogRecords: Sendable {
    private let logged = Mutex<[(message: String, metadata: [String: String])]>([])

    var entries: [(message: String, metadata: [String: String])] { self.logged.withLock { $0 } }

    func append(_ message: String, _ metadata: Logger.Metadata) {
        self.logged.withLock { $0.append((message, metadata.mapValues { "\($0)" })) }
    }
}

/// Keeps every message with its metadata (the logger's and the message's) in `records`.
private struct RecordingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {
        self.records.append("\(message)", self.metadata.merging(metadata ?? [:]) { $1 })
    }
}

extension Request {
    /// The fast path's reading of `line`.
    fileprivate static func plain(_ line: String) -> Request? {
        Array(line.utf8).withUnsafeBytes { Request.plain(bytes: $0) }
    }
}
