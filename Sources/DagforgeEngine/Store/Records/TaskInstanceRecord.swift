import DagforgeWire
import GRDB

struct TaskInstanceRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "taskInstance"
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let processInstanceId = Column(CodingKeys.processInstanceId)
        static let taskCode = Column(CodingKeys.taskCode)
        static let state = Column(CodingKeys.state)
        static let flag = Column(CodingKeys.flag)
    }

    var id: Int64?
    var processInstanceId: Int64
    var taskCode: Int64
    var taskDefinitionVersion: Int
    var name: String
    var taskType: String
    var state: String
    var flag: String
    var retryTimes: Int
    var maxRetryTimes: Int
    var retryInterval: Int
    var delayTime: Int
    var taskInstancePriority: String
    var workerGroup: String
    var submitTime: String
    var startTime: String?
    var endTime: String?
    var host: String
    var executePath: String?
    var logPath: String?
    var pid: Int
    var taskParams: String
    var varPool: String?
    var dependentResult: String?
    var follow: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var status: TaskExecutionStatus { TaskExecutionStatus(rawValue: state) ?? .FAILURE }

    func wire(projectCode: Int64, instance: ProcessInstanceRecord?, definitionName: String?) -> TaskInstance {
        var task = TaskInstance(id: Int(id ?? 0), name: name, taskType: taskType, processInstanceId: Int(processInstanceId),
                                projectCode: projectCode, taskCode: taskCode, taskDefinitionVersion: taskDefinitionVersion,
                                state: status, executorId: Int(instance?.executorId ?? 1))
        task.processInstanceName = instance?.name
        task.processDefinitionName = definitionName
        task.processInstancePriority = instance.flatMap { Priority(rawValue: $0.processInstancePriority) } ?? .MEDIUM
        task.firstSubmitTime = submitTime
        task.submitTime = submitTime
        task.startTime = startTime
        task.endTime = endTime
        task.host = host
        task.executePath = executePath
        task.logPath = logPath
        task.retryTimes = retryTimes
        task.maxRetryTimes = maxRetryTimes
        task.retryInterval = retryInterval
        task.delayTime = delayTime
        task.pid = pid
        task.flag = Flag(rawValue: flag) ?? .YES
        task.taskInstancePriority = Priority(rawValue: taskInstancePriority) ?? .MEDIUM
        task.workerGroup = workerGroup
        task.varPool = varPool
        task.taskParams = taskParams
        task.dependentResult = dependentResult
        if let startTime, let endTime, let start = DolphinDate.date(startTime), let end = DolphinDate.date(endTime) {
            task.duration = ProcessInstanceRecord.duration(end.timeIntervalSince(start))
        }
        return task
    }
}
