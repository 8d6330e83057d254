import DagforgeWire

/// Parses and checks the DAG of a workflow create/update in DolphinScheduler's order (reference §6.6.2 steps
/// 4-5): task list, per-type task parameters, relation list, then the graph.
enum DagValidator {
    /// Task types of DolphinScheduler 3.2.2's plugins; another name is refused with 50020.
    static let knownTaskTypes: Set<String> = [
        "SHELL", "PYTHON", "SQL", "PROCEDURE", "SUB_PROCESS", "DEPENDENT", "CONDITIONS", "SWITCH", "HTTP",
        "SPARK", "FLINK", "FLINK_STREAM", "MR", "HIVECLI", "DATAX", "SQOOP", "SEATUNNEL", "PIGEON", "JUPYTER",
        "K8S", "EMR", "DMS", "DATASYNC", "DATA_FACTORY", "SAGEMAKER", "ZEPPELIN", "OPENMLDB", "MLFLOW", "DVC",
        "PYTORCH", "KUBEFLOW", "CHUNJUN", "DINKY", "LINKIS", "REMOTESHELL", "DYNAMIC", "BLOCKING", "DATA_QUALITY",
        "JAVA", "ALIYUN_SERVERLESS_SPARK", "AZURE_DATA_FACTORY",
    ]

    /// The task list of `taskDefinitionJson`; empty or unparsable → 50017 with the JSON text.
    static func tasks(_ json: String) throws -> [TaskDefinition] {
        guard let tasks = try? WireJSON.decode([TaskDefinition].self, from: json), !tasks.isEmpty else {
            throw ServiceError(.dataIsNotValid, .text(json))
        }
        for task in tasks where !parametersValid(task) {
            throw ServiceError(.processNodeParameterInvalid, .text(task.name))
        }
        return tasks
    }

    /// The edge list of `taskRelationJson`, checked against `tasks`.
    static func relations(_ json: String, tasks: [TaskDefinition]) throws -> [ProcessTaskRelation] {
        guard let relations = try? WireJSON.decode([ProcessTaskRelation].self, from: json), !relations.isEmpty else {
            throw ServiceError(.dataIsNotValid)
        }
        // Building DolphinScheduler's task nodes fails on a task without isCache (an NPE there → 10001).
        guard tasks.allSatisfy({ $0.isCache != nil }) else { throw ServiceError(.requestParamsNotValid) }
        let taskCodes = Set(tasks.map(\.code))
        var missing: [Int64] = []
        for relation in relations where !taskCodes.contains(relation.postTaskCode) && !missing.contains(relation.postTaskCode) {
            missing.append(relation.postTaskCode)
        }
        guard missing.isEmpty else {
            throw ServiceError(.taskDefineNotExist, .text(missing.map(String.init).joined(separator: ",")))
        }
        guard relations.allSatisfy({ $0.preTaskCode == 0 || taskCodes.contains($0.preTaskCode) }) else {
            throw ServiceError(.requestParamsNotValid)
        }
        if hasCycle(relations) { throw ServiceError(.processNodeHasCycle) }
        if relations.contains(where: { $0.postTaskCode == 0 }) { throw ServiceError(.checkProcessTaskRelationError) }
        return relations
    }

    /// `checkParameters()` of the task types whose plugins check anything.
    static func parametersValid(_ task: TaskDefinition) -> Bool {
        guard knownTaskTypes.contains(task.taskType), task.taskParams.objectValue != nil else { return false }
        let params = task.taskParams
        func nonEmpty(_ key: String) -> Bool { !(params[key]?.stringValue ?? "").isEmpty }
        switch task.taskType {
        case TaskType.shell, TaskType.python:
            return nonEmpty("rawScript")
        case TaskType.sql:
            return (params["datasource"]?.int64Value ?? 0) != 0 && nonEmpty("type") && nonEmpty("sql")
        case TaskType.subProcess:
            return (params["processDefinitionCode"]?.int64Value ?? 0) != 0
        case TaskType.http:
            return nonEmpty("url")
        default:
            return true
        }
    }

    /// Kahn's algorithm over the non-root edges: a cycle leaves nodes with incoming edges.
    static func hasCycle(_ relations: [ProcessTaskRelation]) -> Bool {
        var incoming: [Int64: Int] = [:]
        var outgoing: [Int64: [Int64]] = [:]
        var nodes: Set<Int64> = []
        for relation in relations {
            nodes.insert(relation.postTaskCode)
            guard relation.preTaskCode != 0 else { continue }
            nodes.insert(relation.preTaskCode)
            if relation.preTaskCode == relation.postTaskCode { return true }
            outgoing[relation.preTaskCode, default: []].append(relation.postTaskCode)
            incoming[relation.postTaskCode, default: 0] += 1
        }
        var ready = nodes.filter { incoming[$0, default: 0] == 0 }
        var visited = 0
        while let node = ready.popFirst() {
            visited += 1
            for next in outgoing[node] ?? [] {
                incoming[next]! -= 1
                if incoming[next] == 0 { ready.insert(next) }
            }
        }
        return visited < nodes.count
    }
}
