import ChronoProtocol
public import ChronoServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
import ServiceLifecycle

/// chronod's HTTP side, on Hummingbird: the JSON gateway onto `dispatcher` (`/v1/<Service>/<Method>`),
/// the cited lines (`/v1/documents/lines`), `/metrics`, and the reading room's static pages at `/`.
///
/// Lifecycle: `start` returns once the port is bound; `close` shuts it down gracefully (requests in flight may
/// finish for a grace period, then they are cancelled) and waits for it to end.
public final class HTTPServer: Sendable {
    /// How long `close` lets requests in flight finish, as the TCP server's default grace period.
    static let shutdownGracePeriod: Duration = .seconds(5)

    /// The port actually bound (useful when binding to port 0).
    public let port: Int
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, running: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.running = running
    }

    /// Binds `host:port` (port 0 picks a free one) and serves until `close()`.
    public static func start(
        host: String,
        port: Int,
        dispatcher: Dispatcher,
        metrics: MetricsRegistry? = nil,
        configuration: HTTPConfiguration = HTTPConfiguration(),
        logger: Logger = Logger(label: "chronod.http")
    ) async throws -> HTTPServer {
        let router = Self.router(dispatcher: dispatcher, metrics: metrics, configuration: configuration, logger: logger)
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            server: .http1(
                configuration: HTTP1Channel.Configuration(idleTimeout: TimeAmount(configuration.idleTimeout))
            ),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                bound.yield(channel.localAddress?.port ?? 0)
                bound.finish()
            },
            logger: logger
        )
        // chronod handles its signals itself: the group stops only when `close` asks it to.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application],
                gracefulShutdownSignals: [],
                logger: logger
            )
        )
        let running = Task {
            defer { bound.finish() }
            try await group.run()
        }
        for await port in ports {
            return HTTPServer(port: port, group: group, running: running)
        }
        try await running.value
        throw ChronoError.unavailable("the HTTP server stopped before it was listening")
    }

    /// Stops accepting, lets requests in flight finish for the grace period, then cancels the rest; returns
    /// once the server has ended.
    public func close() async {
        await self.group.triggerGracefulShutdown()
        let running = self.running
        let timer = Task {
            guard (try? await Task.sleep(for: Self.shutdownGracePeriod)) != nil else { return }
            running.cancel()
        }
        _ = await running.result
        timer.cancel()
    }

    static func router(
        dispatcher: Dispatcher,
        metrics: MetricsRegistry?,
        configuration: HTTPConfiguration,
        logger: Logger
    ) -> Router<GatewayContext> {
        let router = Router(context: GatewayContext.self)
        if let pages = Bundle.module.resourceURL?.appendingPathComponent("ReadingRoom").path {
            router.add(middleware: FileMiddleware(pages, searchForIndexHtml: true, logger: logger))
        }
        let gateway = Gateway(dispatcher: dispatcher, configuration: configuration, logger: logger)
        router.post("/v1/:service/:method") { request, context in
            await gateway.respond(to: request, context: context)
        }
        let documents = DocumentLines(folder: configuration.documents)
        router.get("/v1/documents/lines") { request, _ in
            Self.lines(request, documents: documents, dispatcher: dispatcher)
        }
        router.get("/metrics") { _, _ in
            guard let metrics else {
                return Response(status: .notFound, body: ResponseBody(byteBuffer: ByteBuffer(string: "no metrics\n")))
            }
            dispatcher.metrics.recordRevision(dispatcher.currentRevision())
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition()))
            )
        }
        return router
    }

    /// `GET /v1/documents/lines?doc=D&from=N&to=M`: the lines as JSON, or the line protocol's error object.
    private static func lines(
        _ request: Request,
        documents: DocumentLines,
        dispatcher: Dispatcher
    ) -> Response {
        let query = request.uri.queryParameters
        let doc = query["doc"].map(String.init) ?? ""
        let from = query["from"].flatMap { Int(String($0)) } ?? 1
        let to = query["to"].flatMap { Int(String($0)) } ?? from
        let body: [UInt8]
        let status: HTTPResponse.Status
        do {
            let excerpt = try documents.excerpt(doc: doc, from: from, to: to)
            body = try WireWriter.bytes(of: excerpt)
            status = .ok
        } catch {
            let refusal = error as? ChronoError ?? .internal()
            body = dispatcher.failureFrame(id: nil, error: refusal).bytes
            status = refusal.code.httpStatus
        }
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
