import DagforgeWire

/// One workflow rendered for one environment: the DolphinScheduler create/update request plus what only
/// the deployer can fill in, because it differs per engine. This is the hand-off from compiler to deployer.
///
/// Task codes in `definition` are local placeholders (1, 2, 3… in task-name order); the deployer replaces
/// them with the engine's codes (reusing existing codes by task name). Values that name other things on
/// the engine — another workflow's code, a task code in another workflow, the project code, a datasource
/// id — are written as 0 in `taskParams` and listed in `bindings`, to be set once resolved.
public struct CompiledWorkflow: Codable, Hashable, Sendable {
    /// Workflow name on the engine (the folder name).
    public var name: String
    /// Repository-relative folder, e.g. `workflows/pv_daily`.
    public var sourcePath: String
    public var definition: ProcessDefinitionRequest
    public var schedule: CompiledSchedule?
    public var bindings: [Binding]

    public init(name: String, sourcePath: String, definition: ProcessDefinitionRequest,
                schedule: CompiledSchedule?, bindings: [Binding]) {
        self.name = name
        self.sourcePath = sourcePath
        self.definition = definition
        self.schedule = schedule
        self.bindings = bindings
    }
}

/// A schedule as the environment wants it (`schedules: enabled|disabled` decides `online`).
public struct CompiledSchedule: Codable, Hashable, Sendable {
    public var param: ScheduleParam
    /// Whether the schedule should be ONLINE on the engine after deploy.
    public var online: Bool
    public var failureStrategy: FailureStrategy
    public var warningType: WarningType
    public var processInstancePriority: Priority
    public var workerGroup: String
    public var tenantCode: String
    /// Environment *name* on the engine, resolved to a code by the deployer; nil = none (-1).
    public var environmentName: String?

    public init(param: ScheduleParam, online: Bool, failureStrategy: FailureStrategy = .END,
                warningType: WarningType = .NONE, processInstancePriority: Priority = .MEDIUM,
                workerGroup: String = "default", tenantCode: String = "default", environmentName: String? = nil) {
        self.param = param
        self.online = online
        self.failureStrategy = failureStrategy
        self.warningType = warningType
        self.processInstancePriority = processInstancePriority
        self.workerGroup = workerGroup
        self.tenantCode = tenantCode
        self.environmentName = environmentName
    }
}

/// A value inside one task's `taskParams` that the deployer sets once it knows the engine's codes and ids.
public struct Binding: Codable, Hashable, Sendable {
    public enum Target: Codable, Hashable, Sendable {
        /// The code of the environment's project.
        case projectCode
        /// The code of a workflow in the same project.
        case workflowCode(workflow: String)
        /// The code of a task in another workflow of the same project.
        case taskCode(workflow: String, task: String)
        /// The id of a datasource on the engine, by its engine-side name. The deployer also sets the
        /// sibling `type` key to that datasource's DbType name when the compiler could not know it.
        case datasourceId(name: String)
        /// The code of a DolphinScheduler environment, by name (sets `environmentCode` of the task).
        case environmentCode(name: String)
    }

    /// Local placeholder code of the task whose `taskParams` holds the value.
    public var taskCode: Int64
    /// JSON Pointer (RFC 6901) into `taskParams`, e.g. `/dependence/dependTaskList/0/dependItemList/0/definitionCode`.
    /// Empty for `.environmentCode`, which sets the task's own field.
    public var pointer: String
    public var target: Target

    public init(taskCode: Int64, pointer: String, target: Target) {
        self.taskCode = taskCode
        self.pointer = pointer
        self.target = target
    }
}
