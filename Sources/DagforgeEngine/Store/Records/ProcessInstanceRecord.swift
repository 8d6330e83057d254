import DagforgeWire
import GRDB

struct ProcessInstanceRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "processInstance"
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let state = Column(CodingKeys.state)
        static let triggerCode = Column(CodingKeys.triggerCode)
        static let processDefinitionCode = Column(CodingKeys.processDefinitionCode)
        static let parentTaskInstanceId = Column(CodingKeys.parentTaskInstanceId)
    }

    var id: Int64?
    var name: String
    var processDefinitionCode: Int64
    var processDefinitionVersion: Int
    var projectCode: Int64
    var state: String
    var commandType: String
    var commandId: Int64?
    var triggerCode: Int64?
    var parentProcessInstanceId: Int64?
    var parentTaskInstanceId: Int64?
    var scheduleTime: String?
    var commandStartTime: String
    var startTime: String
    var endTime: String?
    var restartTime: String?
    var runTimes: Int
    var startNodeList: String
    var taskDependType: String
    var failureStrategy: String
    var warningType: String
    var processInstancePriority: String
    var workerGroup: String
    var startParams: String
    var globalParams: String
    var varPool: String?
    var dryRun: Int
    var executorId: Int64
    var host: String
    var recovery: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var status: WorkflowExecutionStatus { WorkflowExecutionStatus(rawValue: state) ?? .FAILURE }

    var wire: ProcessInstance {
        var instance = ProcessInstance(
            id: Int(id ?? 0), processDefinitionCode: processDefinitionCode,
            processDefinitionVersion: processDefinitionVersion, projectCode: projectCode, state: status, name: name,
            commandType: CommandType(rawValue: commandType) ?? .START_PROCESS, executorId: Int(executorId))
        instance.startTime = startTime
        instance.endTime = endTime
        instance.restartTime = restartTime
        instance.runTimes = runTimes
        instance.host = host
        instance.commandStartTime = commandStartTime
        instance.scheduleTime = scheduleTime
        instance.taskDependType = TaskDependType(rawValue: taskDependType) ?? .TASK_POST
        instance.failureStrategy = FailureStrategy(rawValue: failureStrategy) ?? .CONTINUE
        instance.warningType = WarningType(rawValue: warningType) ?? .NONE
        instance.processInstancePriority = Priority(rawValue: processInstancePriority) ?? .MEDIUM
        instance.workerGroup = workerGroup
        instance.globalParams = globalParams
        instance.varPool = varPool
        instance.dryRun = dryRun
        instance.isSubProcess = parentTaskInstanceId == nil ? .NO : .YES
        instance.recovery = Flag(rawValue: recovery) ?? .NO
        instance.tenantCode = "default"
        instance.commandParam = commandParam
        if let endTime, let start = DolphinDate.date(startTime), let end = DolphinDate.date(endTime) {
            instance.duration = Self.duration(end.timeIntervalSince(start))
        }
        return instance
    }

    /// DolphinScheduler's `commandParam` JSON: start nodes, start parameters and, for sub-processes, the parent.
    private var commandParam: String {
        var fields: [String: JSONValue] = [:]
        if !startNodeList.isEmpty { fields["StartNodeList"] = .string(startNodeList) }
        if startParams != "{}" { fields["StartParams"] = .string(startParams) }
        if let parentProcessInstanceId { fields["parentProcessInstanceId"] = .int(parentProcessInstanceId) }
        if let scheduleTime, commandType == CommandType.COMPLEMENT_DATA.rawValue {
            fields["complementScheduleDateList"] = .string(scheduleTime)
        }
        return (try? WireJSON.string(JSONValue.object(fields))) ?? "{}"
    }

    /// DolphinScheduler's `DateUtils.format2Duration`: `1d 2h 3m 4s`, leading zero units left out.
    static func duration(_ seconds: Double) -> String {
        let total = max(Int(seconds.rounded()), 0)
        let parts = [(total / 86400, "d"), (total % 86400 / 3600, "h"), (total % 3600 / 60, "m"), (total % 60, "s")]
        let shown = parts.drop { $0.0 == 0 && $0.1 != "s" }
        return shown.map { "\($0.0)\($0.1)" }.joined(separator: " ")
    }
}
