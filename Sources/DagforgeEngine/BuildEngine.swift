import Foundation
import Hummingbird
import Logging

/// Assembles the engine: opens the store, prepares it before the server starts (migrations, first-start
/// seed, admin password rules), and mounts every controller's endpoints under `/dolphinscheduler`, plus the
/// OpenAPI document generated from the same endpoint list. Long-running parts (scheduler loop, task
/// runners) join as `Service`s of the returned application, which stops them on graceful shutdown.
public func buildEngine(_ configuration: EngineConfiguration) throws -> some ApplicationProtocol {
    let logger = configuration.logger
    let store = try EngineStore(directory: configuration.dataDirectory)
    let runtime = WorkflowRuntime(context: RuntimeContext(
        store: store, dataDirectory: configuration.dataDirectory, host: "\(configuration.host):\(configuration.port)",
        taskSlots: configuration.taskSlots, logger: logger))
    let api = EngineAPI(store: store, runtime: runtime, logger: logger)
    let storeReady = StartGate()

    let router = Router(context: EngineRequestContext.self)
    let endpoints = api.endpoints
    let endpointRouter = EndpointRouter(authenticator: Authenticator(store: store), logger: logger)
    endpointRouter.register(endpoints + [OpenAPIDocument.endpoint(for: endpoints)], on: router)

    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "dagforge-engine"),
        onServerRunning: { _ in
            logger.info("dagforge engine listening on http://\(configuration.host):\(configuration.port)/dolphinscheduler")
        },
        logger: logger)
    app.beforeServerStarts {
        try await prepareStore(store, configuration: configuration, worker: api.worker)
        storeReady.open()
    }
    app.addServices(RuntimeService(runtime: runtime, schedules: ScheduleFiring(store: store, codes: api.codes),
                                   storeReady: storeReady, logger: logger))
    return app
}

/// Migrates, seeds a fresh data directory like a fresh DolphinScheduler standalone server, applies an
/// explicitly given admin password, and refuses a public address while the default password is in use.
/// At most one PBKDF2 derivation runs, so start-up stays fast.
func prepareStore(_ store: EngineStore, configuration: EngineConfiguration, worker: LocalWorker) async throws {
    try store.migrate()
    let usesDefault: Bool
    if try await store.isEmpty() {
        let password = configuration.adminPassword ?? EngineConfiguration.defaultAdminPassword
        let hashed = try PasswordHasher.hash(password)
        _ = try await store.seedIfEmpty(StandaloneSeed(adminPasswordHash: hashed.hash, adminPasswordSalt: hashed.salt,
                                                       workerAddress: worker.address))
        usesDefault = password == EngineConfiguration.defaultAdminPassword
    } else if let password = configuration.adminPassword {
        let hashed = try PasswordHasher.hash(password)
        try await store.setAdminPassword(hash: hashed.hash, salt: hashed.salt)
        usesDefault = password == EngineConfiguration.defaultAdminPassword
    } else {
        let admin = try await store.credentials(userName: "admin")
        usesDefault = admin.map {
            PasswordHasher.verify(EngineConfiguration.defaultAdminPassword, hash: $0.passwordHash, salt: $0.passwordSalt)
        } ?? false
    }
    guard usesDefault else { return }
    guard configuration.isLoopback else { throw EngineStartError.defaultPasswordOnPublicAddress(host: configuration.host) }
    configuration.logger.warning(
        "admin password is DolphinScheduler's default 'dolphinscheduler123'; set --admin-password or DAGFORGE_ADMIN_PASSWORD")
}

/// Builds the engine and serves until SIGTERM or SIGINT, then shuts down gracefully.
public func runEngine(_ configuration: EngineConfiguration) async throws {
    try await buildEngine(configuration).runService()
}
