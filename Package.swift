// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// What the test targets that start a real server on loopback and talk to it need.
let liveServerTestDependencies: [Target.Dependency] = [
    "ChronoTesting",
    "ChronoServer",
    "ChronoClient",
    "ChronoProtocol",
    "ChronoStore",
    "ChronoGraph",
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "Logging", package: "swift-log"),
]

let package = Package(
    name: "Chronograph",
    platforms: [.macOS(.v14)],
    products: [
        // Libraries for the separate packages that depend on this one by path: Tools/fuzz and Benchmarks.
        .library(name: "ChronoProtocol", targets: ["ChronoProtocol"]),
        .library(name: "ChronoGraph", targets: ["ChronoGraph"]),
        .library(name: "CSQLite", targets: ["CSQLite"]),
        .library(name: "ChronoTLS", targets: ["ChronoTLS"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // MARK: - System libraries
        // Headers and link flags come from the host (pkg-config on Linux).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // glibc's <malloc.h> (malloc_trim), which the Glibc module leaves out.
        .systemLibrary(name: "CMalloc"),

        // MARK: - Core
        .target(name: "ChronoProtocol", swiftSettings: swiftSettings),
        .target(name: "ChronoGraph", dependencies: ["ChronoProtocol"], swiftSettings: swiftSettings),
        .target(name: "ChronoCompression", dependencies: ["CZlib", "ChronoProtocol"], swiftSettings: swiftSettings),
        .target(
            name: "ChronoStore",
            dependencies: [
                "CSQLite", "CMalloc", "ChronoProtocol", "ChronoGraph", "ChronoCompression",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // The PostgreSQL backend (issue 18): its own target, so the SQLite-only build and tests never pull in postgres-nio.
        .target(
            name: "ChronoStorePostgres",
            dependencies: [
                "ChronoStore", "ChronoGraph", "ChronoProtocol",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Network
        // How frames travel on a chronod connection, at both ends: one JSON value per line.
        .target(
            name: "ChronoFraming",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        ),
        // TLS settings loaded from PEM files: the one place that builds NIOSSL contexts, for both ends.
        .target(
            name: "ChronoTLS",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChronoServer",
            dependencies: [
                "ChronoFraming",
                "ChronoProtocol",
                "ChronoGraph",
                "ChronoStore",
                "ChronoTLS",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP side of chronod: the JSON gateway onto the same dispatcher, /metrics, and the reading room.
        .target(
            name: "ChronoHTTP",
            dependencies: [
                "ChronoServer",
                "ChronoProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("ReadingRoom")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChronoClient",
            dependencies: [
                "ChronoFraming",
                "ChronoProtocol",
                "ChronoTLS",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Command line
        .target(
            name: "ChronoCLI",
            dependencies: [
                "ChronoClient",
                "ChronoProtocol",
                "ChronoGraph",
                "ChronoTLS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Executables
        .executableTarget(
            name: "chronod",
            dependencies: [
                "ChronoServer",
                "ChronoHTTP",
                "ChronoStore",
                "ChronoStorePostgres",
                "ChronoTLS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chrono",
            dependencies: ["ChronoCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests
        // What every suite shares: the heavy-suite turn, child processes that never outlive their suite, temporary
        // directories, a real server on loopback and a raw connection to it.
        .target(
            name: "ChronoTesting",
            dependencies: [
                "ChronoClient",
                "ChronoProtocol",
                "ChronoGraph",
                "ChronoServer",
                "ChronoStore",
                "ChronoTLS",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ChronoTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChronoProtocolTests",
            dependencies: ["ChronoTesting", "ChronoProtocol"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChronoGraphTests",
            dependencies: ["ChronoTesting", "ChronoGraph"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChronoStoreTests",
            dependencies: ["ChronoTesting", "ChronoStore", "ChronoGraph", "ChronoProtocol"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChronoStorePostgresTests",
            dependencies: [
                "ChronoTesting", "ChronoStorePostgres", "ChronoStore", "ChronoGraph", "ChronoProtocol", "ChronoClient",
                "chronod",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GraphDataTests",
            dependencies: ["ChronoTesting", "ChronoStore", "ChronoGraph", "ChronoProtocol"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ChronoCompressionTests", dependencies: ["ChronoTesting", "ChronoCompression"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ChronoServerTests",
            dependencies: ["ChronoTesting", 
                "ChronoFraming",
                "ChronoServer",
                "ChronoProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: liveServerTestDependencies + [.product(name: "NIOExtras", package: "swift-nio-extras")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HardeningTests",
            dependencies: ["ChronoTesting", 
                "chronod",
                "ChronoServer",
                "ChronoClient",
                "ChronoProtocol",
                "ChronoStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "chronodTests",
            dependencies: ["ChronoTesting", "chronod", "ChronoClient", "ChronoProtocol"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "chronoCLITests",
            dependencies: ["ChronoTesting", "ChronoCLI", "ChronoProtocol", "ChronoGraph", "ChronoTLS", "chrono", "chronod"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LiveGraphTests",
            dependencies: liveServerTestDependencies + ["ChronoCompression"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HTTPGatewayTests",
            dependencies: liveServerTestDependencies + ["ChronoHTTP"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BadInputTests",
            dependencies: liveServerTestDependencies + [
                "ChronoTLS",
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
