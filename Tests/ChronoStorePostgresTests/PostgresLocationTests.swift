import ChronoStorePostgres
import Testing

@Suite("PostgreSQL locations")
struct PostgresLocationTests {
    @Test func socketDefaultsToThePostgresUserAndDatabase() throws {
        let location = try PostgresLocation(parsing: "unix:/tmp/chrono-pg.x/.s.PGSQL.5433")
        #expect(location.endpoint == .unixSocket(path: "/tmp/chrono-pg.x/.s.PGSQL.5433"))
        #expect(location.username == "postgres")
        #expect(location.database == "postgres")
        #expect(location.password == nil)
    }

    @Test func socketTakesUserDatabaseAndPassword() throws {
        let location = try PostgresLocation(
            parsing: "unix:/run/pg/.s.PGSQL.5432?database=chrono&user=reader&password=s%26cret"
        )
        #expect(location.endpoint == .unixSocket(path: "/run/pg/.s.PGSQL.5432"))
        #expect(location.username == "reader")
        #expect(location.database == "chrono")
        #expect(location.password == "s&cret")
        #expect(!location.description.contains("cret"))
    }

    @Test func urlTakesEveryPartPercentDecoded() throws {
        let location = try PostgresLocation(parsing: "postgres://chrono%40news:p%2Fss@db.example:6432/graph%20one")
        #expect(location.endpoint == .tcp(host: "db.example", port: 6432))
        #expect(location.username == "chrono@news")
        #expect(location.password == "p/ss")
        #expect(location.database == "graph one")
        #expect(!location.description.contains("p/ss"))
    }

    @Test func urlDefaultsToPort5432AndAcceptsPostgresql() throws {
        let location = try PostgresLocation(parsing: "postgresql://chrono@localhost/chrono")
        #expect(location.endpoint == .tcp(host: "localhost", port: 5432))
        #expect(location.password == nil)
        #expect(location.with(database: "other").database == "other")
    }

    @Test(
        arguments: [
            ("mysql://chrono@localhost/chrono", "expected postgres://"),
            ("postgres://localhost/chrono", "the user is missing"),
            ("postgres://chrono@/chrono", "the host is missing"),
            ("postgres://chrono@localhost", "one database name"),
            ("postgres://chrono@localhost/a/b", "one database name"),
            ("postgres://chrono@localhost/chrono?sslmode=require", "not supported"),
            ("postgres://chrono@localhost:0/chrono", "the port 0"),
            ("unix:relative/.s.PGSQL.5432", "must be absolute"),
            ("unix:/tmp/socket", "/.s.PGSQL.PORT"),
            ("unix:/tmp/.s.PGSQL.x", "/.s.PGSQL.PORT"),
            ("unix:/tmp/.s.PGSQL.5432?db=chrono", "unknown parameter \"db\""),
            ("unix:/tmp/.s.PGSQL.5432?user=", "user has no value"),
        ]
    )
    func refusesAMalformedLocationSayingWhy(text: String, reason: String) {
        let error = #expect(throws: PostgresLocationError.self) { try PostgresLocation(parsing: text) }
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "no error")")
    }

    @Test func errorsNeverRepeatThePassword() {
        let error = #expect(throws: PostgresLocationError.self) {
            try PostgresLocation(parsing: "postgres://chrono:hunter2@localhost/chrono?x=1")
        }
        #expect(error.map { !$0.description.contains("hunter2") } == true)
    }
}
