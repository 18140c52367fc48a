import ChronoClient
import ChronoHTTP
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

/// `/metrics` is valid Prometheus text, and its counters move with calls over TCP and over HTTP alike.
@Suite(.heavy, .timeLimit(.minutes(2))) struct MetricsTests {
    private static let method = "chrono.v1.Stats/Get"

    private static func scrape(_ fixture: GatewayFixture) async throws -> PrometheusText {
        let answer = try await fixture.get("/metrics")
        #expect(answer.code == 200)
        #expect(answer.contentType.hasPrefix("text/plain; version=0.0.4"))
        return try PrometheusText(String(decoding: answer.body, as: UTF8.self))
    }

    @Test func countersMoveWithCallsOnBothTransports() async throws {
        let fixture = try await GatewayFixture.start()
        do {
            let client = try await fixture.client()
            let before = try await Self.scrape(fixture)
            for _ in 0..<3 { _ = try await client.call(.statsGet) }
            for _ in 0..<2 { _ = try await fixture.post(Self.method, params: [:]) }
            _ = try await fixture.post("chrono.v1.Entity/Get", params: [:])
            let after = try await Self.scrape(fixture)
            let calls = "chrono_calls_total"
            #expect(after.types[calls] == "counter")
            #expect(after.types["chrono_call_duration_seconds"] == "histogram")
            let tcpOK = ["method": Self.method, "status": "OK", "transport": "tcp"]
            let httpOK = ["method": Self.method, "status": "OK", "transport": "http"]
            #expect(after.value(calls, tcpOK) - before.value(calls, tcpOK) == 3)
            #expect(after.value(calls, httpOK) - before.value(calls, httpOK) == 2)
            let refused = ["method": "chrono.v1.Entity/Get", "status": "INVALID_ARGUMENT", "transport": "http"]
            #expect(after.value(calls, refused) - before.value(calls, refused) == 1)
            let count = "chrono_call_duration_seconds_count"
            #expect(after.value(count, ["method": Self.method]) - before.value(count, ["method": Self.method]) == 5)
            let stats = try await client.call(.statsGet)
            let revision = try #require(stats.result?["revision"]?.intValue)
            #expect(after.value("chrono_revision") == Double(revision))
            #expect(after.value("chrono_connections", ["transport": "tcp"]) == 1)
            try await client.close()
            try await Task.sleep(for: .milliseconds(300))
            let closed = try await Self.scrape(fixture)
            #expect(closed.value("chrono_connections", ["transport": "tcp"]) == 0)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    @Test func strictReaderRefusesMalformedText() throws {
        #expect(throws: PrometheusText.Failure.self) { try PrometheusText("x 1\n") }
        #expect(throws: PrometheusText.Failure.self) { try PrometheusText("# TYPE x counter\nx{a=\"1} 1\n") }
        #expect(throws: PrometheusText.Failure.self) { try PrometheusText("# TYPE x counter\nx one\n") }
        #expect(throws: PrometheusText.Failure.self) {
            try PrometheusText(
                "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\nh_sum 1\n"
            )
        }
        let good = try PrometheusText("# TYPE x counter\nx{a=\"q\\\"\"} 2\nx{a=\"b\"} 3\n")
        #expect(good.value("x") == 5)
        #expect(good.value("x", ["a": "q\""]) == 2)
    }
}
