import Foundation
import Logging

/// How `dagforge engine` runs: where it listens, where it keeps its state, and the admin password of a
/// first start.
public struct EngineConfiguration: Sendable {
    /// DolphinScheduler's default admin password; accepted only on a loopback address.
    public static let defaultAdminPassword = "dolphinscheduler123"

    public var host: String
    public var port: Int
    public var dataDirectory: URL
    /// From `--admin-password` or `DAGFORGE_ADMIN_PASSWORD`; nil means DolphinScheduler's default.
    public var adminPassword: String?
    /// How many tasks of one worker group run at once (its slot pool's parallelism).
    public var taskSlots: Int
    public var logger: Logger

    public init(host: String = "127.0.0.1", port: Int = 12345, dataDirectory: URL,
                adminPassword: String? = nil, taskSlots: Int = 64, logger: Logger = Logger(label: "dagforge.engine")) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.adminPassword = adminPassword
        self.taskSlots = taskSlots
        self.logger = logger
    }

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Why the engine refuses to start.
public enum EngineStartError: Error, CustomStringConvertible {
    case defaultPasswordOnPublicAddress(host: String)

    public var description: String {
        switch self {
        case .defaultPasswordOnPublicAddress(let host):
            return "refusing to listen on \(host) while the admin password is DolphinScheduler's default; "
                + "restart with --admin-password or DAGFORGE_ADMIN_PASSWORD set to a new password"
        }
    }
}
