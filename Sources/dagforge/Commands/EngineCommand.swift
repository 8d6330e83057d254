import ArgumentParser
import DagforgeEngine
import Foundation
import Logging

/// `dagforge engine`: runs the included DolphinScheduler-compatible engine until SIGTERM or SIGINT.
struct EngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Start the included scheduler engine (DolphinScheduler 3.2 REST API).",
        discussion: """
            State lives in SQLite in --data-dir. On first start the admin password comes from --admin-password \
            or DAGFORGE_ADMIN_PASSWORD; without either it is DolphinScheduler's default 'dolphinscheduler123' \
            and the engine only listens on loopback addresses. --admin-password on an existing data dir \
            replaces the admin password.
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 12345

    @Option(name: .customLong("data-dir"), help: "Directory holding the engine's database.")
    var dataDir = ".dagforge/engine"

    @Option(name: .customLong("admin-password"), help: "Admin password to set (default: $DAGFORGE_ADMIN_PASSWORD).")
    var adminPassword: String?

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "dagforge.engine")
        logger.logLevel = .info
        let password = adminPassword ?? ProcessInfo.processInfo.environment["DAGFORGE_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let configuration = EngineConfiguration(
            host: host, port: port, dataDirectory: URL(fileURLWithPath: dataDir, isDirectory: true),
            adminPassword: password, logger: logger)
        try await runEngine(configuration)
    }
}
