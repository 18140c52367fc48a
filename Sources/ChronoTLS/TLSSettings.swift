import Foundation
import NIOCore
public import NIOSSL

/// TLS for one end of a chronod connection, built from PEM files before any socket is opened.
///
/// Invariant: a value exists only when every file named was read, holds PEM of the expected kind, and the
/// private key matches its certificate; so a daemon or client holding one can fail only at a handshake,
/// never while loading. Both ends accept TLS 1.2 and later.
public struct TLSSettings: Sendable {
    /// The context every connection's TLS handler is made from.
    private let context: NIOSSLContext

    private init(_ configuration: TLSConfiguration) throws(TLSSettingsError) {
        var configuration = configuration
        configuration.minimumTLSVersion = .tlsv12
        do {
            self.context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .rejected("\(error)")
        }
    }

    /// The server side: presents `certificate` (a PEM chain, leaf first) signed with `key`; with `clientCA`,
    /// requires every client to present a certificate that CA signed (mutual TLS).
    public static func server(
        certificate: String,
        key: String,
        clientCA: String? = nil
    ) throws(TLSSettingsError) -> TLSSettings {
        let (chain, privateKey) = try Self.identity(certificate: certificate, key: key)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(privateKey)
        )
        if let clientCA {
            configuration.trustRoots = .certificates(try Self.certificates(clientCA, role: .clientCA))
            configuration.certificateVerification = .noHostnameVerification
        }
        return try Self.checked(configuration, certificate: certificate, key: key)
    }

    /// The client side: verifies the server's certificate and name (or IP address) against `trustedCA`, or
    /// the system's roots when it is `nil`; presents `certificate` and `key` when given (mutual TLS).
    public static func client(
        trustedCA: String? = nil,
        certificate: String? = nil,
        key: String? = nil
    ) throws(TLSSettingsError) -> TLSSettings {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let trustedCA {
            configuration.trustRoots = .certificates(try Self.certificates(trustedCA, role: .trustedCA))
        }
        switch (certificate, key) {
        case (nil, nil):
            return try TLSSettings(configuration)
        case (let certificate?, let key?):
            let (chain, privateKey) = try Self.identity(certificate: certificate, key: key)
            configuration.certificateChain = chain.map { .certificate($0) }
            configuration.privateKey = .privateKey(privateKey)
            return try Self.checked(configuration, certificate: certificate, key: key)
        default:
            throw .incompleteIdentity
        }
    }

    /// The handler that makes an accepted connection speak TLS; it goes first in the pipeline.
    public func makeServerHandler() -> NIOSSLServerHandler {
        NIOSSLServerHandler(context: self.context)
    }

    /// The handler that makes a connection to `host` speak TLS; it goes first in the pipeline.
    ///
    /// A host name is sent as SNI and checked against the certificate; an IP address is checked against the
    /// certificate's IP subject alternative names (TLS forbids it in SNI).
    public func makeClientHandler(host: String) throws -> NIOSSLClientHandler {
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return try NIOSSLClientHandler(context: self.context, serverHostname: isAddress ? nil : host)
    }

    /// Builds the context for an identity: BoringSSL refuses a key that does not match the leaf certificate.
    private static func checked(
        _ configuration: TLSConfiguration,
        certificate: String,
        key: String
    ) throws(TLSSettingsError) -> TLSSettings {
        do {
            return try TLSSettings(configuration)
        } catch {
            throw .keyDoesNotMatch(certificate: certificate, key: key)
        }
    }

    private static func identity(
        certificate: String,
        key: String
    ) throws(TLSSettingsError) -> ([NIOSSLCertificate], NIOSSLPrivateKey) {
        let chain = try Self.certificates(certificate, role: .certificate)
        let bytes = try Self.contents(key, role: .key)
        do {
            return (chain, try NIOSSLPrivateKey(bytes: bytes, format: .pem))
        } catch {
            throw .notPEM(.key, path: key)
        }
    }

    private static func certificates(_ path: String, role: TLSFileRole) throws(TLSSettingsError) -> [NIOSSLCertificate]
    {
        let bytes = try Self.contents(path, role: role)
        guard let certificates = try? NIOSSLCertificate.fromPEMBytes(bytes), !certificates.isEmpty else {
            throw .notPEM(role, path: path)
        }
        return certificates
    }

    private static func contents(_ path: String, role: TLSFileRole) throws(TLSSettingsError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(role, path: path)
        }
        return Array(data)
    }
}

/// What a PEM file given for TLS holds.
public enum TLSFileRole: String, Sendable {
    /// A certificate chain to present, leaf first.
    case certificate = "TLS certificate"
    /// The private key of that certificate.
    case key = "TLS private key"
    /// The CA a server trusts for client certificates.
    case clientCA = "TLS client CA"
    /// The CA a client trusts for the server's certificate.
    case trustedCA = "TLS CA"
}

/// Why TLS settings could not be built, naming the file at fault.
public enum TLSSettingsError: Error, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(TLSFileRole, path: String)
    /// The file holds no PEM of the expected kind.
    case notPEM(TLSFileRole, path: String)
    /// The private key is not the key of the certificate.
    case keyDoesNotMatch(certificate: String, key: String)
    /// A client certificate was given without its key, or a key without its certificate.
    case incompleteIdentity
    /// The TLS library refused the configuration.
    case rejected(String)

    public var description: String {
        switch self {
        case .unreadable(let role, let path): "\(role.rawValue) \(path): the file does not exist or cannot be read"
        case .notPEM(let role, let path): "\(role.rawValue) \(path): not a PEM file of that kind"
        case .keyDoesNotMatch(let certificate, let key):
            "TLS private key \(key) is not the key of the certificate \(certificate)"
        case .incompleteIdentity: "a TLS client certificate needs its key, and a key its certificate"
        case .rejected(let reason): "the TLS configuration was refused: \(reason)"
        }
    }
}
