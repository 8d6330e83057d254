import DagforgeWire
import Foundation

/// A command to queue (DolphinScheduler's `t_ds_command` row).
struct CommandDraft: Sendable {
    var commandType: CommandType
    var processDefinitionCode: Int64
    var projectCode: Int64
    var triggerCode: Int64
    var scheduleId: Int64? = nil
    var scheduleTime: String? = nil
    /// For commands acting on an existing instance.
    var processInstanceId: Int64? = nil
    var startNodeList: String = ""
    var taskDependType: TaskDependType = .TASK_POST
    var failureStrategy: FailureStrategy = .CONTINUE
    var warningType: WarningType = .NONE
    var priority: Priority = .MEDIUM
    var workerGroup: String = "default"
    /// A JSON object of start parameters.
    var startParams: String = "{}"
    var dryRun: Int = 0
    /// Instances of the same trigger allowed to run at once; 0 = no limit.
    var parallelism: Int = 0
    var executorId: Int64
}

/// Everything the runtime needs to run or resume one process instance.
struct InstanceRunPlan: Sendable {
    var instance: ProcessInstance
    var parentTaskInstanceId: Int64?
    var definitionName: String
    var projectName: String
    var tasks: [TaskDefinition]
    /// Each task's `taskParams` as the JSON text its task instances record, by task code.
    var taskParamsText: [Int64: String]
    /// Each task's `localParams`, by task code, decoded once per workflow version.
    var localParams: [Int64: [Property]]
    var relations: [ProcessTaskRelation]
    var startNodes: [Int64]
    var startParams: [String: String]
    var globalParams: [Property]
    /// The valid task instances already recorded (finished ones are restored, never re-run).
    var taskStates: [StoredTaskState]
}

/// A valid task instance as the runtime restores it.
struct StoredTaskState: Sendable {
    var taskInstanceId: Int64
    var taskCode: Int64
    var status: TaskExecutionStatus
    var retryTimes: Int
    var follow: [Int64]?
    var varPool: [Property]
}

/// A task instance about to start.
struct TaskStartDraft: Sendable {
    var processInstanceId: Int64
    var task: TaskDefinition
    /// `task.taskParams` as JSON text (encoded once per workflow version, see ``InstanceRunPlan/taskParamsText``).
    var taskParams: String
    var retryTimes: Int
    var priority: Priority
    var workerGroup: String
    var host: String
}

/// One step of an instance's walk, recorded in one transaction (see `EngineStore.recordStep`).
struct WalkStep: Sendable {
    /// The task whose end moved the walk on (none when the walk begins or resumes).
    var ended: TaskEnd?
    /// The tasks the walk starts now.
    var starting: [TaskStartDraft]
    /// Set when the walk is over.
    var instanceEnd: InstanceEnd?
}

/// How a task instance ended.
struct TaskEnd: Sendable {
    var taskInstanceId: Int64
    var status: TaskExecutionStatus
    var varPool: [Property]
    var follow: [Int64]?
    var dependentResult: String?
}

/// An instance's final state and var pool.
struct InstanceEnd: Sendable {
    var instanceId: Int64
    var state: WorkflowExecutionStatus
    var varPool: [Property]
}

/// What starting a task found.
enum TaskStart: Sendable {
    /// The task instance to run, with where it logs and runs (fixed when it starts).
    case started(taskInstanceId: Int64, logPath: String, executePath: String)
    /// The task already succeeded in this instance (a duplicate dispatch after recovery): never run it again.
    case alreadySucceeded(StoredTaskState)
}

/// A task process a crashed engine may have left running.
struct OrphanCandidate: Sendable {
    var taskInstanceId: Int64
    var pid: Int32
}

/// Filters of the process instance list.
struct InstanceFilter: Sendable {
    var definitionCode: Int64?
    var searchVal: String?
    var state: WorkflowExecutionStatus?
    var host: String?
    var startDate: String?
    var endDate: String?
}

/// Filters of the task instance list.
struct TaskInstanceFilter: Sendable {
    var processInstanceId: Int64?
    var processInstanceName: String?
    var searchVal: String?
    var taskName: String?
    var taskCode: Int64?
    var state: TaskExecutionStatus?
    var host: String?
    var startDate: String?
    var endDate: String?
}

/// Where a task instance's log is.
struct TaskLogLocation: Sendable {
    var logPath: String?
    var host: String
    var startTime: String?
}
