import ChronoClient
import ChronoHTTP
import ChronoProtocol
import ChronoServer
import ChronoStore
import ChronoTesting
import Foundation
import Testing

/// The gateway answers exactly as the line protocol does: same results, same statuses and messages, the
/// same write rule; the status is mapped to an HTTP code and kept in the body.
@Suite(.heavy, .timeLimit(.minutes(3))) struct GatewayParityTests {
    /// Params that exercise each method on the repository's graph; a method of the dispatcher missing here
    /// fails the test, so a new method gets a case.
    private static func cases(entity: String, other: String, snapshot: String) -> [String: [String: JSONValue]] {
        [
            "chrono.v1.Health/Check": [:],
            "chrono.v1.Reflection/List": [:],
            "chrono.v1.Timeline/Query": ["from": 2006, "to": 2007, "limit": 100],
            "chrono.v1.Timeline/Stream": ["from": 2006, "to": 2007],
            "chrono.v1.Entity/Get": ["id": .string(entity)],
            "chrono.v1.Entity/Search": ["text": "migration"],
            "chrono.v1.Search/Query": ["text": "resettlement of forced migrant camps", "limit": 5],
            "chrono.v1.Graph/Neighbors": ["id": .string(entity), "depth": 2],
            "chrono.v1.Graph/Paths": ["from": .string(entity), "to": .string(other), "k": 3],
            "chrono.v1.Graph/Subgraph": ["ids": [.string(entity)]],
            "chrono.v1.Disputes/List": [:],
            "chrono.v1.Figures/List": ["limit": 50],
            "chrono.v1.Stats/Get": [:],
            "chrono.v1.Call/Cancel": ["id": 987_654],
            "chrono.v1.Snapshot/List": [:],
            "chrono.v1.Snapshot/Diff": ["from": "no-such-snapshot"],
            "chrono.v1.Snapshot/Export": ["id": .string(snapshot)],
            // Writes without the token are refused alike; Snapshot/Create needs none.
            "chrono.v1.Facts/Write": ["retractions": [.string(entity)]],
            "chrono.v1.Facts/Compact": ["revision": 1],
            "chrono.v1.Snapshot/Create": [:],
            "chrono.v1.Snapshot/Restore": ["id": "no-such-snapshot"],
            "chrono.v1.Snapshot/Import": ["manifest": [:], "data": ""],
            // A subscription's first data frame (its initial result) is compared; a deadline ends it.
            "chrono.v1.Watch/Subscribe": ["query": ["method": "chrono.v1.Stats/Get", "params": [:]]],
        ]
    }

    /// Members that differ between two calls made at different times.
    private static func stable(_ value: JSONValue?) -> JSONValue? {
        guard case .object(var members)? = value else { return value }
        members["uptime_ms"] = nil
        return .object(members)
    }

    @Test func everyMethodAnswersOverHTTPAsOverTCP() async throws {
        let fixture = try await GatewayFixture.start()
        do {
            let client = try await fixture.client()
            let search = try await client.call(.entitySearch, params: ["text": "Azerbaijan", "limit": 2])
            let found = try #require(search.result?["results"]?.arrayValue)
            try #require(found.count == 2, "the graph should have two entities matching Azerbaijan")
            let entity = try #require(found[0]["entity"]?["id"]?.stringValue)
            let other = try #require(found[1]["entity"]?["id"]?.stringValue)
            let snapshot = try #require(try await client.call(.snapshotCreate).result?["id"]?.stringValue)
            let cases = Self.cases(entity: entity, other: other, snapshot: snapshot)
            let methods = try #require(
                try await client.call(.reflectionList).result?["methods"]?.arrayValue?.compactMap {
                    $0["name"]?.stringValue
                }
            )
            #expect(Set(methods) == Set(MethodName.allCases.map(\.rawValue)))
            for method in methods.sorted() {
                let params = try #require(cases[method], "no case for \(method)")
                if MethodName(rawValue: method)?.isStreaming == true {
                    try await Self.compareStream(method, params: params, fixture: fixture, client: client)
                    continue
                }
                let tcp = try await client.call(method: method, params: params)
                let http = try await fixture.post(method, params: params)
                let frame = try http.frame
                #expect(frame["status"]?.stringValue == tcp.status.rawValue, "\(method)")
                #expect(frame["message"]?.stringValue == tcp.message, "\(method)")
                #expect(Self.stable(frame["result"]) == Self.stable(tcp.result), "\(method)")
                #expect(http.code == Self.httpCode(tcp.status), "\(method): HTTP \(http.code) for \(tcp.status)")
                #expect(http.contentType.hasPrefix("application/json"), "\(method)")
            }
            try await client.close()
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    /// The data frames' `data` and the terminal frame's status agree; a subscription is compared on its
    /// first frame, both ended by a deadline.
    private static func compareStream(
        _ method: String,
        params: [String: JSONValue],
        fixture: GatewayFixture,
        client: ChronoClient
    ) async throws {
        let endless = method == MethodName.watchSubscribe.rawValue
        var tcpData: [JSONValue] = []
        var tcpEnd: Response?
        for try await frame in client.stream(method: method, params: params, deadline: endless ? .seconds(1) : nil) {
            switch frame {
            case .data(let data): tcpData.append(data.data)
            case .terminal(let response): tcpEnd = response
            }
        }
        let http = try await fixture.post(method, params: params, headers: endless ? ["X-Deadline-Ms": "1000"] : [:])
        #expect(http.code == 200, "\(method)")
        #expect(http.contentType.hasPrefix("application/x-ndjson"), "\(method)")
        let lines = try http.lines
        let httpData = lines.dropLast().compactMap { $0["data"] }
        let httpEnd = try #require(lines.last)
        #expect(httpEnd["status"]?.stringValue == tcpEnd?.status.rawValue, "\(method)")
        if endless {
            #expect(httpData.first.map(Self.withoutRevisionDrift) == tcpData.first.map(Self.withoutRevisionDrift))
            #expect(httpEnd["status"]?.stringValue == "DEADLINE_EXCEEDED")
        } else {
            #expect(!tcpData.isEmpty, "\(method) should stream data")
            #expect(httpData == tcpData, "\(method)")
            #expect(Self.stable(httpEnd["result"]) == Self.stable(tcpEnd?.result), "\(method)")
        }
    }

    private static func withoutRevisionDrift(_ value: JSONValue) -> JSONValue {
        guard case .object(var members) = value else { return value }
        members["at"] = nil
        return .object(members)
    }

    @Test func badInputGetsTheSameStatusAndMessage() async throws {
        let fixture = try await GatewayFixture.start()
        do {
            let client = try await fixture.client()
            let cases: [(String, JSONValue)] = [
                ("chrono.v1.Timeline/Query", ["limit": "ten"]),
                ("chrono.v1.Timeline/Query", ["from": "not a date"]),
                ("chrono.v1.Entity/Get", [:]),
                ("chrono.v1.Entity/Get", ["id": "no-such-entity-anywhere"]),
                ("chrono.v1.Entity/Search", ["text": "x", "surprise": true]),
                ("chrono.v1.Graph/Paths", ["from": "a"]),
                ("chrono.v1.No/Such", [:]),
                ("chrono.v1.Stats/Get", [1, 2]),
            ]
            for (method, params) in cases {
                let line = JSONValue.object(["id": 1, "method": .string(method), "params": params]).canonicalText
                let tcp = try await Self.rawCall(line: line, port: fixture.tcp.port)
                let http = try await fixture.post(method, body: Data(params.canonicalText.utf8))
                let frame = try http.frame
                #expect(frame["status"] == tcp["status"], "\(method) \(params)")
                #expect(frame["message"] == tcp["message"], "\(method) \(params)")
                #expect(tcp["status"]?.stringValue != "OK", "\(method) \(params) should fail")
                let status = try #require(tcp["status"]?.stringValue.flatMap(StatusCode.init(rawValue:)))
                #expect(http.code == Self.httpCode(status), "\(method) \(params)")
            }
            let garbage = try await fixture.post("chrono.v1.Stats/Get", body: Data("{not json".utf8))
            #expect(garbage.code == 400)
            #expect(try garbage.frame["status"]?.stringValue == "INVALID_ARGUMENT")
            let huge = try await fixture.post(
                "chrono.v1.Entity/Search",
                body: Data(#"{"text":""#.utf8) + Data(repeating: UInt8(ascii: "a"), count: 2_000_000)
                    + Data(#""}"#.utf8)
            )
            #expect(huge.code == 429)
            #expect(try huge.frame["status"]?.stringValue == "RESOURCE_EXHAUSTED")
            let late = try await fixture.post("chrono.v1.Stats/Get", params: [:], headers: ["X-Deadline-Ms": "0"])
            #expect(late.code == 400)
            #expect(try late.frame["message"]?.stringValue?.hasPrefix("deadline_ms") == true)
            try await client.close()
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    @Test func writesNeedTheToken() async throws {
        let fixture = try await GatewayFixture.start()
        do {
            let compact = "chrono.v1.Facts/Compact"
            let params: [String: JSONValue] = ["revision": 1]
            let missing = try await fixture.post(compact, params: params)
            #expect(missing.code == 401)
            #expect(try missing.frame["status"]?.stringValue == "UNAUTHENTICATED")
            let wrong = try await fixture.post(
                compact,
                params: params,
                headers: ["Authorization": "Bearer not-the-token"]
            )
            #expect(wrong.code == 401)
            #expect(try wrong.frame["message"]?.stringValue == "metadata.authorization: the token is not valid")
            let granted = try await fixture.post(
                compact,
                params: params,
                headers: ["Authorization": "Bearer \(GatewayFixture.token)"]
            )
            #expect(granted.code == 200)
            #expect(try granted.frame["status"]?.stringValue == "OK")
            #expect(try granted.frame["result"]?["compacted"] != nil)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    @Test func streamsAsServerSentEventsWhenAsked() async throws {
        let fixture = try await GatewayFixture.start()
        do {
            let answer = try await fixture.post(
                "chrono.v1.Timeline/Stream",
                params: ["from": 2006, "to": 2007],
                headers: ["Accept": "text/event-stream"]
            )
            #expect(answer.code == 200)
            #expect(answer.contentType.hasPrefix("text/event-stream"))
            let events = String(decoding: answer.body, as: UTF8.self).components(separatedBy: "\n\n").filter {
                !$0.isEmpty
            }
            #expect(events.count > 1)
            #expect(events.dropLast().allSatisfy { $0.hasPrefix("event: data\ndata: {") })
            #expect(events.last?.hasPrefix("event: end\ndata: {") == true)
            #expect(events.last?.contains(#""status":"OK""#) == true)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    /// One request line over a raw TCP connection and its terminal frame, for lines the client cannot send.
    static func rawCall(line: String, port: Int) async throws -> JSONValue {
        let child = try ChildProcess.start(
            "/usr/bin/env",
            ["python3", "-c", Self.rawCallScript, String(port), line],
            environment: ProcessInfo.processInfo.environment
        )
        let answer = try await child.firstLine(within: .seconds(20))
        _ = await child.stop()
        return try JSONParser.parse(answer, maximumDepth: 256)
    }

    private static let rawCallScript = """
        import socket, sys
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
        s.sendall(sys.argv[2].encode() + b"\\n")
        data = b""
        while not data.endswith(b"\\n"):
            data += s.recv(65536)
        print(data.decode().strip(), flush=True)
        """

    static func httpCode(_ status: StatusCode) -> Int {
        switch status {
        case .ok: 200
        case .cancelled: 499
        case .unknown, .internal, .dataLoss: 500
        case .invalidArgument, .failedPrecondition, .outOfRange: 400
        case .deadlineExceeded: 504
        case .notFound: 404
        case .alreadyExists, .aborted: 409
        case .permissionDenied: 403
        case .resourceExhausted: 429
        case .unimplemented: 501
        case .unavailable: 503
        case .unauthenticated: 401
        }
    }
}
