/// A process (workflow) instance (reference §8.6). `GET /{id}` adds `dagData` and `locations`.
public struct ProcessInstance: Codable, Hashable, Sendable {
    public var id: Int
    public var processDefinitionCode: Int64
    public var processDefinitionVersion: Int
    public var projectCode: Int64
    public var state: WorkflowExecutionStatus
    public var stateHistory: String?
    public var recovery: Flag
    public var startTime: String?
    public var endTime: String?
    public var runTimes: Int
    public var name: String
    public var host: String?
    public var commandType: CommandType
    /// JSON text.
    public var commandParam: String?
    public var taskDependType: TaskDependType
    public var maxTryTimes: Int
    public var failureStrategy: FailureStrategy
    public var warningType: WarningType
    public var warningGroupId: Int?
    public var scheduleTime: String?
    public var commandStartTime: String?
    /// JSON text, resolved values.
    public var globalParams: String?
    public var executorId: Int
    public var executorName: String?
    public var tenantCode: String?
    public var queue: String?
    public var isSubProcess: Flag
    public var historyCmd: String?
    public var duration: String?
    public var processInstancePriority: Priority
    public var workerGroup: String
    public var environmentCode: Int64
    public var timeout: Int
    /// JSON text.
    public var varPool: String?
    public var nextProcessInstanceId: Int
    public var dryRun: Int
    public var restartTime: String?
    public var testFlag: Int
    public var dagData: DagData?
    public var locations: String?

    public init(
        id: Int, processDefinitionCode: Int64, processDefinitionVersion: Int, projectCode: Int64,
        state: WorkflowExecutionStatus, name: String, commandType: CommandType, executorId: Int
    ) {
        self.id = id
        self.processDefinitionCode = processDefinitionCode
        self.processDefinitionVersion = processDefinitionVersion
        self.projectCode = projectCode
        self.state = state
        self.recovery = .NO
        self.runTimes = 1
        self.name = name
        self.commandType = commandType
        self.taskDependType = .TASK_POST
        self.maxTryTimes = 0
        self.failureStrategy = .CONTINUE
        self.warningType = .NONE
        self.executorId = executorId
        self.isSubProcess = .NO
        self.processInstancePriority = .MEDIUM
        self.workerGroup = "default"
        self.environmentCode = -1
        self.timeout = 0
        self.nextProcessInstanceId = 0
        self.dryRun = 0
        self.testFlag = 0
    }
}
