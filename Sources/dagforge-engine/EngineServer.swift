import ArgumentParser
import DagforgeEngine
import DagforgeEngineOptions
import Foundation
import Logging

/// `dagforge-engine`: the included engine's own executable, which `dagforge engine` replaces itself with. It
/// links the engine alone (not the compiler, the deployer, libgit2 or libcurl), so the idle server stays small.
@main
struct EngineServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dagforge engine", abstract: EngineOptions.abstract, discussion: EngineOptions.discussion)

    @OptionGroup var options: EngineOptions

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "dagforge.engine")
        logger.logLevel = .info
        let password = options.adminPassword
            ?? ProcessInfo.processInfo.environment["DAGFORGE_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let configuration = EngineConfiguration(
            host: options.host, port: options.port,
            dataDirectory: URL(fileURLWithPath: options.dataDir, isDirectory: true),
            adminPassword: password, logger: logger)
        try await runEngine(configuration)
    }
}
