import DagforgeWire
import Foundation

/// A DAG edge between two tasks of one workflow, by task name.
public struct Edge: Codable, Hashable, Sendable, Comparable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    public static func < (lhs: Edge, rhs: Edge) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
}

/// The comparable content of a workflow definition, keyed by names: no codes, versions, ids, timestamps,
/// canvas locations or marker. Plan lists the differences of two shapes; `ShapeDigest` hashes one (its
/// first 16 hex digits are what the marker records).
struct WorkflowShape: Codable, Hashable, Sendable {
    var description: String
    var globalParams: [Property]
    var timeout: Int
    var executionType: String
    /// Task name → compared field → value.
    var tasks: [String: [String: JSONValue]]
    var edges: [Edge]

    init(description: String, globalParams: [Property], timeout: Int, executionType: ProcessExecutionType,
         tasks: [TaskDefinition], relations: [ProcessTaskRelation]) {
        self.description = Marker.userText(of: description)
        self.globalParams = globalParams
        self.timeout = timeout
        self.executionType = executionType.rawValue
        let names = Dictionary(tasks.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.tasks = Dictionary(tasks.map { ($0.name, Self.fields(of: $0, taskNames: names)) }, uniquingKeysWith: { a, _ in a })
        self.edges = relations.filter { $0.preTaskCode != 0 }.map {
            Edge(from: names[$0.preTaskCode] ?? "#\($0.preTaskCode)", to: names[$0.postTaskCode] ?? "#\($0.postTaskCode)")
        }.sorted()
    }

    init(dag: DagData) {
        let definition = dag.processDefinition
        self.init(description: definition.description, globalParams: definition.globalParamList, timeout: definition.timeout,
                  executionType: definition.executionType, tasks: dag.taskDefinitionList, relations: dag.processTaskRelationList)
    }

    init(request: ProcessDefinitionRequest) {
        self.init(description: request.description, globalParams: request.globalParams, timeout: request.timeout,
                  executionType: request.executionType, tasks: request.taskDefinitionJson, relations: request.taskRelationJson)
    }

    /// The first 16 hex digits of a `ShapeDigest`: what the marker records.
    static func contentHash(digest: String) -> String { String(digest.prefix(16)) }

    var globalParamsValue: JSONValue {
        .array(globalParams.map {
            .object(["prop": .string($0.prop), "direct": .string($0.direct.rawValue), "type": .string($0.type.rawValue),
                     "value": .string($0.value)])
        })
    }

    /// The fields DolphinScheduler itself compares to decide on a new task version (reference §7.1),
    /// with same-workflow task codes inside CONDITIONS/SWITCH parameters replaced by task names.
    static func fields(of task: TaskDefinition, taskNames: [Int64: String]) -> [String: JSONValue] {
        let params = comparedParams(of: task, taskNames: taskNames)
        return [
            "description": .string(task.description),
            "taskType": .string(task.taskType),
            "taskParams": params,
            "flag": enumValue(task.flag),
            "isCache": enumValue(task.isCache),
            "taskPriority": enumValue(task.taskPriority),
            "workerGroup": .string(task.workerGroup),
            "environmentCode": .int(task.environmentCode),
            "failRetryTimes": .int(Int64(task.failRetryTimes)),
            "failRetryInterval": .int(Int64(task.failRetryInterval)),
            "timeoutFlag": enumValue(task.timeoutFlag),
            "timeoutNotifyStrategy": enumValue(task.timeoutNotifyStrategy),
            "timeout": .int(Int64(task.timeout)),
            "delayTime": .int(Int64(task.delayTime)),
            "taskGroupId": .int(Int64(task.taskGroupId)),
            "taskGroupPriority": .int(Int64(task.taskGroupPriority)),
            "cpuQuota": .int(Int64(task.cpuQuota)),
            "memoryMax": .int(Int64(task.memoryMax)),
            "taskExecuteType": enumValue(task.taskExecuteType),
        ]
    }

    /// The task's parameters with same-workflow task codes replaced by `task:<name>`.
    static func comparedParams(of task: TaskDefinition, taskNames: [Int64: String]) -> JSONValue {
        LocalTaskReferences.map(task.taskParams, taskType: task.taskType) { code in
            taskNames[code].map { .string("task:" + $0) } ?? .int(code)
        }
    }

    private static func enumValue<E: WireEnum>(_ value: E?) -> JSONValue {
        value.map { .string($0.rawValue) } ?? .null
    }
}
