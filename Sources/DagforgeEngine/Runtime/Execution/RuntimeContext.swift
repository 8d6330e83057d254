import DagforgeWire
import Foundation
import Logging

/// What every part of the runtime shares: the store, the task runners, the worker slot pools and where task
/// logs and working directories go.
struct RuntimeContext: Sendable {
    let store: EngineStore
    let runners: TaskRunners
    let slots: WorkerSlotPool
    let logDirectory: URL
    let executeDirectory: URL
    /// `ip:port` recorded as the instance and task host.
    let host: String
    /// Identifies this data directory's task processes (see ``OrphanedTaskProcess``).
    let markPrefix: String
    /// The most claimed instances and dispatched tasks without a worker slot held in memory (``LaunchBacklog``):
    /// four times the task slots keeps every slot fed through a full turn of commits.
    let launchBacklogLimit: Int
    let logger: Logger

    init(store: EngineStore, dataDirectory: URL, host: String, taskSlots: Int, logger: Logger) {
        self.store = store
        self.runners = TaskRunners(sqlConnection: { id, _ in
            guard let stored = try await store.datasource(id: Int64(id)) else {
                throw RuntimeError("datasource \(id) does not exist")
            }
            return try SqlConnection(DatasourceParameters(stored: stored))
        })
        self.slots = WorkerSlotPool(defaultLimit: taskSlots)
        self.logDirectory = dataDirectory.appendingPathComponent("logs")
        self.executeDirectory = dataDirectory.appendingPathComponent("exec")
        self.host = host
        self.markPrefix = dataDirectory.standardizedFileURL.path
        self.launchBacklogLimit = 4 * taskSlots
        self.logger = logger
    }

    /// The environment mark of task instance `id`'s processes.
    func mark(taskInstanceId id: Int64) -> String { "\(markPrefix)#\(id)" }
}

/// A runtime failure with its message (it ends up in a task log or the engine log).
struct RuntimeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension SqlConnection {
    /// The connection of a stored datasource (SQLITE: the database file; POSTGRESQL: host, port, database).
    init(_ parameters: DatasourceParameters) throws {
        switch parameters.type {
        case .SQLITE:
            self = .sqlite(path: parameters.database ?? "")
        case .POSTGRESQL:
            self = .postgres(PostgresSettings(host: parameters.host ?? "127.0.0.1", port: parameters.port ?? 5432,
                                              database: parameters.database ?? "", user: parameters.userName ?? "",
                                              password: parameters.password))
        default:
            throw RuntimeError("datasource type \(parameters.type.rawValue) does not run in dagforge's included engine; "
                               + "deploy this workflow to a DolphinScheduler cluster to run it")
        }
    }
}
