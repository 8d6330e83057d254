import DagforgeWire
import Foundation

/// Runs one task instance of one task type to completion. Cancelling the calling Swift task stops the task
/// (its process group is killed) and yields `KILL`.
public protocol TaskRunner: Sendable {
    func run(_ task: TaskRun) async -> TaskOutcome
}

/// What a runner needs to run one task instance.
public struct TaskRun: Sendable {
    /// The task definition's name (HTTP tasks publish `<name>.response`).
    public var taskName: String
    public var taskType: String
    /// The definition's `taskParams` (unrendered; the runner renders what it uses).
    public var taskParams: JSONValue
    public var parameters: ResolvedParameters
    /// The task's `localParams`: its OUT entries say which printed values reach the var pool.
    public var localParams: [Property]
    /// The var pool the task starts with (merged from its upstream tasks).
    public var varPool: [Property]
    /// Where scripts are written and processes run; created if missing.
    public var workingDirectory: URL
    public var log: TaskLogWriter
    public var timeout: TaskTimeout?
    /// Extra environment variables for processes (e.g. from the task's environment config).
    public var environment: [String: String]
    /// Told the process id (= process group id) as soon as a process starts, so a restarted engine can
    /// kill what a crashed one left behind.
    public var processStarted: @Sendable (Int32) -> Void

    public init(taskName: String, taskType: String, taskParams: JSONValue, parameters: ResolvedParameters, localParams: [Property],
                varPool: [Property] = [], workingDirectory: URL, log: TaskLogWriter, timeout: TaskTimeout? = nil,
                environment: [String: String] = [:], processStarted: @escaping @Sendable (Int32) -> Void = { _ in }) {
        self.taskName = taskName
        self.taskType = taskType
        self.taskParams = taskParams
        self.parameters = parameters
        self.localParams = localParams
        self.varPool = varPool
        self.workingDirectory = workingDirectory
        self.log = log
        self.timeout = timeout
        self.environment = environment
        self.processStarted = processStarted
    }
}

/// A task's timeout (`timeoutFlag OPEN`): after `limit`, warn in the log, fail the task, or both.
public struct TaskTimeout: Sendable, Equatable {
    public var limit: Duration
    public var strategy: TaskTimeoutStrategy

    public init(limit: Duration, strategy: TaskTimeoutStrategy) {
        self.limit = limit
        self.strategy = strategy
    }

    /// From a task definition's minutes; nil when the timeout is closed or zero.
    public init?(definition: TaskDefinition) {
        guard definition.timeoutFlag == .OPEN, definition.timeout > 0 else { return nil }
        self.init(limit: .seconds(definition.timeout * 60), strategy: definition.timeoutNotifyStrategy ?? .WARN)
    }

    var fails: Bool { strategy == .FAILED || strategy == .WARNFAILED }
}

/// How a task instance ended.
public struct TaskOutcome: Sendable, Equatable {
    /// `SUCCESS`, `FAILURE` or `KILL`.
    public var status: TaskExecutionStatus
    /// The var pool after the task: its input pool plus the OUT values it produced.
    public var varPool: [Property]
    public var exitCode: Int32?
    /// Why the task failed, for the log and the instance; empty on success.
    public var message: String

    public init(status: TaskExecutionStatus, varPool: [Property] = [], exitCode: Int32? = nil, message: String = "") {
        self.status = status
        self.varPool = varPool
        self.exitCode = exitCode
        self.message = message
    }

    static func failure(_ message: String, varPool: [Property]) -> TaskOutcome {
        TaskOutcome(status: .FAILURE, varPool: varPool, message: message)
    }
}
