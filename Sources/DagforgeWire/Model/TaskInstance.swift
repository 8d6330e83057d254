/// A task instance (reference §8.7). Unlike task definitions, `taskParams` is JSON text here.
public struct TaskInstance: Codable, Hashable, Sendable {
    public var id: Int
    public var name: String
    public var taskType: String
    public var processInstanceId: Int
    public var processInstanceName: String?
    public var projectCode: Int64
    public var taskCode: Int64
    public var taskDefinitionVersion: Int
    public var processDefinitionName: String?
    public var state: TaskExecutionStatus?
    public var firstSubmitTime: String?
    public var submitTime: String?
    public var startTime: String?
    public var endTime: String?
    public var host: String?
    public var executePath: String?
    public var logPath: String?
    public var retryTimes: Int
    public var alertFlag: Flag
    public var pid: Int
    public var appLink: String?
    public var flag: Flag
    public var isCache: Flag
    public var cacheKey: String?
    public var duration: String?
    public var maxRetryTimes: Int
    public var retryInterval: Int
    public var taskInstancePriority: Priority
    public var processInstancePriority: Priority
    public var dependentResult: String?
    public var workerGroup: String
    public var environmentCode: Int64
    public var environmentConfig: String?
    public var executorId: Int
    public var executorName: String?
    public var varPool: String?
    public var delayTime: Int
    public var taskParams: String?
    public var dryRun: Int
    public var taskGroupId: Int
    public var taskGroupPriority: Int
    public var cpuQuota: Int
    public var memoryMax: Int
    public var taskExecuteType: TaskExecuteType
    public var testFlag: Int

    public init(
        id: Int, name: String, taskType: String, processInstanceId: Int, projectCode: Int64, taskCode: Int64,
        taskDefinitionVersion: Int, state: TaskExecutionStatus?, executorId: Int
    ) {
        self.id = id
        self.name = name
        self.taskType = taskType
        self.processInstanceId = processInstanceId
        self.projectCode = projectCode
        self.taskCode = taskCode
        self.taskDefinitionVersion = taskDefinitionVersion
        self.state = state
        self.retryTimes = 0
        self.alertFlag = .NO
        self.pid = 0
        self.flag = .YES
        self.isCache = .NO
        self.maxRetryTimes = 0
        self.retryInterval = 0
        self.taskInstancePriority = .MEDIUM
        self.processInstancePriority = .MEDIUM
        self.workerGroup = "default"
        self.environmentCode = -1
        self.executorId = executorId
        self.delayTime = 0
        self.dryRun = 0
        self.taskGroupId = 0
        self.taskGroupPriority = 0
        self.cpuQuota = -1
        self.memoryMax = -1
        self.taskExecuteType = .BATCH
        self.testFlag = 0
    }
}
