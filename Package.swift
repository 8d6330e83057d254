// swift-tools-version: 6.1
import PackageDescription
#if canImport(Glibc)
import Glibc
#endif

/// Linker flags packing the engine's relocations as RELR (`-z pack-relative-relocs`): its relocation table shrinks
/// from 1.6 MB to 14 KB and its idle RSS by 0.5-1 MB (docs/benchmarks.md). Such a binary needs glibc 2.36 to start,
/// so they are used only where the glibc of the machine that builds it has it: the binary runs where it is built
/// (`make` builds in place, and the toolchain's own Foundation needs glibc 2.35 anyway).
let packedRelocations: [String] = {
    #if canImport(Glibc)
    var buffer = [CChar](repeating: 0, count: 32)
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return [] }
    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)  // "glibc 2.36"
    let version = text.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    guard version.count >= 2, (version[0], version[1]) >= (2, 36) else { return [] }
    return ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
    #else
    return []
    #endif
}()

let package = Package(
    name: "dagforge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dagforge", targets: ["dagforge"]),
        .executable(name: "dagforge-engine", targets: ["dagforge-engine"]),
        .executable(name: "dagforge-http-task", targets: ["dagforge-http-task"]),
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
            ]
        ),
        .target(
            name: "DagforgeEngine",
            dependencies: [
                "DagforgeWire", "DagforgeCron", "DagforgeHttpCall",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Leaf: an HTTP task's request and result as the engine and `dagforge-http-task` exchange them.
        .target(name: "DagforgeHttpCall"),
        // Sends an HTTP task's request with URLSession in a process of its own, so libcurl and the ~25 libraries
        // it loads stay out of the engine's process (docs/architecture.md).
        .executableTarget(name: "dagforge-http-task", dependencies: ["DagforgeHttpCall"]),
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
        // Linked with lld, whose layout leaves 2 MB fewer pages resident in the idle engine than gold's, with packed
        // relocations where glibc loads them.
        .executableTarget(
            name: "dagforge-engine",
            dependencies: [
                "DagforgeEngine", "DagforgeEngineOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [.unsafeFlags(["-use-ld=lld"] + packedRelocations, .when(platforms: [.linux]))]
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
