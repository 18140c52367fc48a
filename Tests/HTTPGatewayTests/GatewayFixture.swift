import ChronoClient
import ChronoHTTP
import ChronoProtocol
import ChronoServer
import ChronoStore
import ChronoTesting
import Foundation
import Logging

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One daemon's worth of servers in the test process: the TCP server and the HTTP side on the same
/// dispatcher (and metrics), over the repository's `Graph/` or a generated one, with a write token.
struct GatewayFixture {
    static let token = "gateway-test-token"

    let directory: TemporaryDirectory
    let tcp: ChronoServer
    let http: HTTPServer
    let tcpRun: Task<Void, any Error>

    /// Builds the database from `graph` (the repository's `Graph/` by default) and starts both servers.
    static func start(
        graph: URL? = nil,
        configuration: HTTPConfiguration = HTTPConfiguration()
    ) async throws -> GatewayFixture {
        let directory = try TemporaryDirectory(prefix: "chronograph-gateway")
        let database = directory.databasePath
        _ = try await GraphLoader(directory: graph ?? Repository.url("Graph"))
            .build(database: database, progress: { _ in })
        let store = try await GraphStore.open(path: database)
        let live = LiveGraph(store: store, scratchDirectory: directory.appending("scratch").path)
        let metrics = MetricsRegistry()
        let dispatcher = Dispatcher.serving(
            live: live,
            configuration: LiveConfiguration(token: Self.token),
            metrics: metrics.callMetrics
        )
        let logger = Logger(label: "chronod.gateway-test")
        let tcp = try await ChronoServer.bind(
            host: "127.0.0.1",
            port: 0,
            dispatcher: dispatcher,
            configuration: ChronoServer.Configuration(shutdownGracePeriod: .milliseconds(200)),
            logger: logger
        )
        let http = try await HTTPServer.start(
            host: "127.0.0.1",
            port: 0,
            dispatcher: dispatcher,
            metrics: metrics,
            configuration: configuration,
            logger: logger
        )
        let run = Task { try await tcp.run() }
        return GatewayFixture(directory: directory, tcp: tcp, http: http, tcpRun: run)
    }

    /// Stops both servers and removes the files.
    func stop() async {
        await self.http.close()
        await self.tcp.close()
        _ = await self.tcpRun.result
        self.directory.remove()
    }

    func client() async throws -> ChronoClient {
        try await ChronoClient.connect(host: "127.0.0.1", port: self.tcp.port)
    }

    /// An HTTP answer: its status code, content type and body.
    struct Answer {
        var code: Int
        var contentType: String
        var body: Data

        /// The body as one JSON frame.
        var frame: JSONValue {
            get throws { try JSONParser.parse(String(decoding: self.body, as: UTF8.self), maximumDepth: 256) }
        }

        /// The body as NDJSON frames.
        var lines: [JSONValue] {
            get throws {
                try String(decoding: self.body, as: UTF8.self).split(separator: "\n")
                    .map { try JSONParser.parse(String($0), maximumDepth: 256) }
            }
        }
    }

    /// `POST /v1/<Service>/<Method>` with `body` (the params).
    func post(
        _ method: String,
        body: Data,
        headers: [String: String] = [:]
    ) async throws -> Answer {
        let path = method.replacingOccurrences(of: "chrono.v1.", with: "")
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(self.http.port)/v1/\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = 30
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await Self.send(request)
    }

    func post(_ method: String, params: [String: JSONValue], headers: [String: String] = [:]) async throws -> Answer {
        try await self.post(method, body: Data(JSONValue.object(params).canonicalText.utf8), headers: headers)
    }

    func get(_ path: String) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(self.http.port)\(path)")!)
        request.timeoutInterval = 30
        return try await Self.send(request)
    }

    private static func send(_ request: URLRequest) async throws -> Answer {
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return Answer(
            code: http.statusCode,
            contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
            body: data
        )
    }
}
