internal import Foundation
internal import PostgresNIO

/// Where a PostgreSQL server is and whom to connect as: parsed from `postgres://…` or `unix:…`.
///
/// Forms:
/// - `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or `postgresql://`): TCP, port 5432 by default;
///   user, password and database are percent-decoded.
/// - `unix:/DIR/.s.PGSQL.PORT[?user=USER&database=DATABASE&password=PASSWORD]`: the server's Unix socket (what
///   `Tools/pg/start.sh` prints); user `postgres` and database = user by default.
///
/// Invariant: `database` and `username` are non-empty; a socket path is absolute and names a `.s.PGSQL.PORT` file.
package struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the server is reached.
    package enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case unixSocket(path: String)
    }

    package var endpoint: Endpoint
    package var username: String
    package var password: String?
    package var database: String

    /// Parses `text` in one of the two forms.
    ///
    /// - Throws: `PostgresLocationError` saying which part is wrong.
    package init(parsing text: String) throws(PostgresLocationError) {
        if text.hasPrefix("unix:") {
            try self.init(socket: String(text.dropFirst("unix:".count)))
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            try self.init(url: text)
        } else {
            throw PostgresLocationError("expected postgres://USER@HOST[:PORT]/DATABASE or unix:/DIR/.s.PGSQL.PORT")
        }
    }

    /// The same server and user, another database.
    package func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The location without its password, for logs and errors.
    package var description: String {
        switch self.endpoint {
        case .tcp(let host, let port): "postgres://\(self.username)@\(host):\(port)/\(self.database)"
        case .unixSocket(let path): "unix:\(path)?user=\(self.username)&database=\(self.database)"
        }
    }

    /// postgres-nio's configuration for this location (no TLS: sockets and trusted networks only for now).
    var configuration: PostgresConnection.Configuration {
        switch self.endpoint {
        case .tcp(let host, let port):
            PostgresConnection.Configuration(
                host: host,
                port: port,
                username: self.username,
                password: self.password,
                database: self.database,
                tls: .disable
            )
        case .unixSocket(let path):
            PostgresConnection.Configuration(
                unixSocketPath: path,
                username: self.username,
                password: self.password,
                database: self.database
            )
        }
    }

    private init(url text: String) throws(PostgresLocationError) {
        guard let components = URLComponents(string: text) else {
            throw PostgresLocationError("not a valid URL")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresLocationError("the host is missing") }
        guard let user = components.user, !user.isEmpty else { throw PostgresLocationError("the user is missing") }
        let database = String(components.path.dropFirst())
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresLocationError("the path must be one database name, as in /chrono")
        }
        if let query = components.query, !query.isEmpty {
            throw PostgresLocationError("parameters (\(query.prefix(40))) are not supported after the database")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw PostgresLocationError("the port \(port) is not in 1…65535") }
        self.endpoint = .tcp(host: host, port: port)
        self.username = components.percentEncodedUser?.removingPercentEncoding ?? user
        self.password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
    }

    private init(socket text: String) throws(PostgresLocationError) {
        let parts = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard path.hasPrefix("/") else { throw PostgresLocationError("the socket path must be absolute") }
        let file = path.split(separator: "/").last ?? ""
        guard file.hasPrefix(".s.PGSQL."), let port = Int(file.dropFirst(".s.PGSQL.".count)), port > 0 else {
            throw PostgresLocationError("the socket path must end in /.s.PGSQL.PORT, as PostgreSQL names its socket")
        }
        var username = "postgres"
        var password: String?
        var database: String?
        for pair in parts.count > 1 ? parts[1].split(separator: "&") : [] {
            let field = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(field[0])
            let value = field.count > 1 ? String(field[1]).removingPercentEncoding ?? String(field[1]) : ""
            guard !value.isEmpty else { throw PostgresLocationError("the parameter \(name) has no value") }
            switch name {
            case "user": username = value
            case "password": password = value
            case "database": database = value
            default: throw PostgresLocationError("unknown parameter \"\(name)\" (expected user, database, password)")
            }
        }
        self.endpoint = .unixSocket(path: path)
        self.username = username
        self.password = password
        self.database = database ?? username
    }
}

/// A location that could not be parsed; the message says which part is wrong and never repeats a password.
package struct PostgresLocationError: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String

    init(_ message: String) {
        self.message = message
    }

    package var description: String { "PostgreSQL location: \(self.message)" }
}
