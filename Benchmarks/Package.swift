// swift-tools-version:6.0
import PackageDescription

// The benchmark tools: a separate package, as swift-nio's and Hummingbird's `Benchmarks/` are, so that an
// ordinary `swift build` of the main package never builds them. Build and run them with `Tools/bench/run.sh`
// (see `Tools/bench/README.md`), or by hand:
//
//     swift build -c release --package-path Benchmarks
//
// The main package is a dependency by path. SwiftPM names a path dependency after its directory (lowercased),
// so the name is read from this manifest's own location and works whatever the checkout is called (except
// `benchmarks`, which would be this package's own name).
let rootDirectory = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? ""
let root = rootDirectory.lowercased()

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// What the network load tools (`chrono-bench`, `chrono-fanout`) need: the shared client, NIO and a CLI.
let loadToolDependencies: [Target.Dependency] = [
    "BenchSupport",
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "ArgumentParser", package: "swift-argument-parser"),
]

let package = Package(
    name: "ChronographBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // What the three tools share: the byte scanner, the NIO line client (TLS through the main package's
        // settings), CPU time and percentiles.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "ChronoTLS", package: root),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chrono-bench",
            dependencies: loadToolDependencies + [.product(name: "ChronoTLS", package: root)],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chrono-floor",
            dependencies: [
                "BenchSupport",
                .product(name: "CSQLite", package: root),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chrono-fanout",
            dependencies: loadToolDependencies + [.product(name: "ChronoProtocol", package: root)],
            swiftSettings: swiftSettings
        ),
    ]
)
