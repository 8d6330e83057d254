// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "dagforge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dagforge", targets: ["dagforge"]),
        .executable(name: "dagforge-engine", targets: ["dagforge-engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.25.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // libgit2 through pkg-config (apt: libgit2-dev).
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // libcurl through pkg-config (apt: libcurl4-openssl-dev): the deployer's HTTP client.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Leaf: the DolphinScheduler wire model shared by compiler, client and engine.
        .target(name: "DagforgeWire"),
        // Leaf: SQL lexer and table-lineage analyzer.
        .target(name: "DagforgeSQL"),
        // Leaf: Quartz cron with DolphinScheduler's semantics; validated by the compiler, fired by the engine.
        .target(name: "DagforgeCron"),
        .target(
            name: "DagforgeSpec",
            dependencies: [
                "CGit2", "DagforgeWire", .product(name: "Yams", package: "Yams"),
                // SHA-256 fingerprints in the GitLab Code Quality format.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "DagforgeCompiler",
            dependencies: ["DagforgeSpec", "DagforgeSQL", "DagforgeWire", "DagforgeCron"]
        ),
        .target(
            name: "DagforgeDeploy",
            dependencies: [
                "DagforgeCompiler", "DagforgeSpec", "DagforgeWire",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                "CCurl",
            ]
        ),
        .target(
            name: "DagforgeEngine",
            dependencies: [
                "DagforgeWire", "DagforgeCron",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // `dagforge engine`'s options, parsed by both executables.
        .target(
            name: "DagforgeEngineOptions",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "dagforge",
            dependencies: [
                "DagforgeSpec", "DagforgeSQL", "DagforgeCompiler", "DagforgeDeploy", "DagforgeEngineOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The engine's own small executable: `dagforge engine` replaces itself with it (docs/architecture.md).
        // Linked with lld, whose layout leaves 2 MB fewer pages resident in the idle engine than gold's.
        .executableTarget(
            name: "dagforge-engine",
            dependencies: [
                "DagforgeEngine", "DagforgeEngineOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [.unsafeFlags(["-use-ld=lld"], .when(platforms: [.linux]))]
        ),
        // Shared by the test targets: temp dirs, real git repositories, the built binary, the engine process.
        .target(name: "DagforgeTestSupport", path: "Tests/Support"),
        .testTarget(name: "DagforgeWireTests", dependencies: ["DagforgeWire"]),
        .testTarget(name: "DagforgeSQLTests", dependencies: ["DagforgeSQL"]),
        .testTarget(name: "DagforgeCronTests", dependencies: ["DagforgeCron"]),
        .testTarget(name: "DagforgeSpecTests", dependencies: ["DagforgeSpec", "DagforgeTestSupport"]),
        .testTarget(name: "DagforgeCompilerTests", dependencies: ["DagforgeCompiler", "DagforgeSpec", "DagforgeWire", "DagforgeTestSupport"]),
        .testTarget(
            name: "DagforgeDeployTests",
            dependencies: [
                "DagforgeDeploy", "DagforgeCompiler", "DagforgeWire", "DagforgeTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "DagforgeEngineTests",
            dependencies: [
                "DagforgeEngine", "DagforgeWire", "DagforgeTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Runs the built `dagforge` binary against a real engine, real git repositories and subprocesses.
        .testTarget(name: "EndToEndTests", dependencies: ["DagforgeWire", "DagforgeTestSupport"]),
    ]
)
