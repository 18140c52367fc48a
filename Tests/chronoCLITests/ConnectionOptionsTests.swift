import ArgumentParser
import Testing

@testable import ChronoCLI

@Suite("ConnectionOptions: flags first, then CHRONO_* variables, then defaults")
struct ConnectionOptionsTests {
    @Test("defaults to 127.0.0.1:7701 with a 30 s deadline and no token")
    func defaults() throws {
        let endpoint = try ConnectionOptions.parse([]).endpoint(environment: [:])
        #expect(endpoint == Endpoint(host: "127.0.0.1", port: 7701, deadline: .standard, token: nil))
        #expect(endpoint.metadata.isEmpty)
    }

    @Test("reads CHRONO_HOST, CHRONO_PORT and CHRONO_TOKEN")
    func environmentFallbacks() throws {
        let environment = ["CHRONO_HOST": "10.0.0.2", "CHRONO_PORT": "7800", "CHRONO_TOKEN": "s3cret"]
        let endpoint = try ConnectionOptions.parse([]).endpoint(environment: environment)
        #expect(endpoint.host == "10.0.0.2")
        #expect(endpoint.port == 7800)
        #expect(endpoint.metadata == ["authorization": "Bearer s3cret"])
    }

    @Test("flags win over the environment")
    func flagsWin() throws {
        let options = try ConnectionOptions.parse([
            "--host", "localhost", "--port", "9000", "--token", "t", "--deadline", "5s",
        ])
        let endpoint = try options.endpoint(environment: ["CHRONO_HOST": "x", "CHRONO_PORT": "1", "CHRONO_TOKEN": "u"])
        #expect(
            endpoint == Endpoint(host: "localhost", port: 9000, deadline: try DeadlineValue(parsing: "5s"), token: "t")
        )
    }

    @Test("a bad CHRONO_PORT or --port is refused, naming where it came from")
    func badPorts() throws {
        #expect {
            _ = try ConnectionOptions.parse([]).endpoint(environment: ["CHRONO_PORT": "seventy"])
        } throws: { error in
            String(describing: error).contains("CHRONO_PORT")
        }
        #expect {
            _ = try ConnectionOptions.parse(["--port", "70000"]).endpoint(environment: [:])
        } throws: { error in
            String(describing: error).contains("--port: 70000")
        }
    }
}
