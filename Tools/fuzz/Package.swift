// swift-tools-version:6.0
import PackageDescription

// The main package, by path. SwiftPM names a path dependency after its directory, which must differ from
// this package's own directory name (`fuzz`); `run.sh` therefore points `CHRONOGRAPH_ROOT` at a symlink to the
// repository named `chronograph`, which also works when the checkout itself is named `fuzz`.
let chronographRoot = Context.environment["CHRONOGRAPH_ROOT"] ?? "../.."

// libFuzzer harnesses for Chronograph's parsers: a separate package, so that an ordinary `swift build` of the
// main package never builds them. Build and run them with `Tools/fuzz/run.sh` (see `RELIABILITY.md`):
//
//     swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// Each executable defines `LLVMFuzzerTestOneInput` and a `<Module>_main` entry point (SwiftPM aliases `main` to
// it) that hands over to libFuzzer's `LLVMFuzzerRunDriver`, which `-sanitize=fuzzer` links.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ChronographFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: chronographRoot),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "FrameRequestFuzzer",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "ChronoProtocol", package: "chronograph"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "EDTFFuzzer",
            dependencies: ["CFuzzerDriver", .product(name: "ChronoGraph", package: "chronograph")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GraphRecordFuzzer",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "ChronoGraph", package: "chronograph"),
                .product(name: "ChronoProtocol", package: "chronograph"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
