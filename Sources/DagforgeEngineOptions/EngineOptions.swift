import ArgumentParser

/// The options of `dagforge engine`. The command-line binary parses them (for `--help` and errors) and hands
/// them over to the engine's own executable, which parses them again and serves (docs/architecture.md).
public struct EngineOptions: ParsableArguments {
    public static let abstract = "Start the included scheduler engine (DolphinScheduler 3.2 REST API)."
    public static let discussion = """
        State lives in SQLite in --data-dir. On first start the admin password comes from --admin-password \
        or DAGFORGE_ADMIN_PASSWORD; without either it is DolphinScheduler's default 'dolphinscheduler123' \
        and the engine only listens on loopback addresses. --admin-password on an existing data dir \
        replaces the admin password.
        """

    @Option(help: "Address to listen on.")
    public var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    public var port = 12345

    @Option(name: .customLong("data-dir"), help: "Directory holding the engine's database.")
    public var dataDir = ".dagforge/engine"

    @Option(name: .customLong("admin-password"), help: "Admin password to set (default: $DAGFORGE_ADMIN_PASSWORD).")
    public var adminPassword: String?

    public init() {}

    /// The options as command-line arguments again, for the engine executable.
    public var arguments: [String] {
        ["--host", host, "--port", String(port), "--data-dir", dataDir]
            + (adminPassword.map { ["--admin-password", $0] } ?? [])
    }
}
