import Crypto
import DagforgeWire

/// `WorkflowShape`'s digest written straight from a definition's parts: the same canonical JSON bytes
/// (keys sorted, no spaces) without building the shape's dictionaries first. Plan computes one per compiled
/// workflow and one per decoded engine DAG, and builds a `WorkflowShape` only when the two differ. The
/// bytes must never change: deployed markers record their first 16 hex digits (`contentHash`).
enum ShapeDigest {
    static func of(request: ProcessDefinitionRequest) -> String {
        SHA256.hash(data: canonicalBytes(request: request)).hexDigits
    }

    static func of(dag: DagData) -> String {
        SHA256.hash(data: canonicalBytes(dag: dag)).hexDigits
    }

    static func canonicalBytes(request: ProcessDefinitionRequest) -> [UInt8] {
        canonicalBytes(description: request.description, globalParams: request.globalParams, timeout: request.timeout,
                       executionType: request.executionType, tasks: request.taskDefinitionJson, relations: request.taskRelationJson)
    }

    static func canonicalBytes(dag: DagData) -> [UInt8] {
        let definition = dag.processDefinition
        return canonicalBytes(description: definition.description, globalParams: definition.globalParamList,
                              timeout: definition.timeout, executionType: definition.executionType,
                              tasks: dag.taskDefinitionList, relations: dag.processTaskRelationList)
    }

    /// The canonical JSON of `{"description":…,"edges":…,"executionType":…,"globalParams":…,"tasks":…,"timeout":…}`
    /// as `WorkflowShape` defines each part (the first task of a name wins, edges by task name, sorted).
    static func canonicalBytes(description: String, globalParams: [Property], timeout: Int, executionType: ProcessExecutionType,
                               tasks: [TaskDefinition], relations: [ProcessTaskRelation]) -> [UInt8] {
        var names: [Int64: String] = [:]
        names.reserveCapacity(tasks.count)
        var firstOfName: [String: Int] = [:]
        for (index, task) in tasks.enumerated() {
            if names[task.code] == nil { names[task.code] = task.name }
            if firstOfName[task.name] == nil { firstOfName[task.name] = index }
        }
        let edges = relations.filter { $0.preTaskCode != 0 }.map {
            Edge(from: names[$0.preTaskCode] ?? "#\($0.preTaskCode)", to: names[$0.postTaskCode] ?? "#\($0.postTaskCode)")
        }.sorted()

        var out = CanonicalJSON.Writer()
        out.raw(#"{"description":"#)
        out.string(Marker.userText(of: description))
        out.raw(#","edges":["#)
        for (index, edge) in edges.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("[")
            out.string(edge.from)
            out.raw(",")
            out.string(edge.to)
            out.raw("]")
        }
        out.raw(#"],"executionType":"#)
        out.string(executionType.rawValue)
        out.raw(#","globalParams":["#)
        for (index, property) in globalParams.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw(#"{"direct":"#)
            out.string(property.direct.rawValue)
            out.raw(#","prop":"#)
            out.string(property.prop)
            out.raw(#","type":"#)
            out.string(property.type.rawValue)
            out.raw(#","value":"#)
            out.string(property.value)
            out.raw("}")
        }
        out.raw(#"],"tasks":{"#)
        for (index, name) in firstOfName.keys.sorted().enumerated() {
            if index > 0 { out.raw(",") }
            out.string(name)
            out.raw(":")
            write(tasks[firstOfName[name]!], taskNames: names, to: &out)
        }
        out.raw(#"},"timeout":"#)
        out.raw(String(timeout))
        out.raw("}")
        return out.bytes
    }

    /// `WorkflowShape.fields(of:taskNames:)` as canonical JSON, keys in sorted order.
    private static func write(_ task: TaskDefinition, taskNames: [Int64: String], to out: inout CanonicalJSON.Writer) {
        out.raw(#"{"cpuQuota":"#)
        out.raw(String(task.cpuQuota))
        out.raw(#","delayTime":"#)
        out.raw(String(task.delayTime))
        out.raw(#","description":"#)
        out.string(task.description)
        out.raw(#","environmentCode":"#)
        out.raw(String(task.environmentCode))
        out.raw(#","failRetryInterval":"#)
        out.raw(String(task.failRetryInterval))
        out.raw(#","failRetryTimes":"#)
        out.raw(String(task.failRetryTimes))
        out.raw(#","flag":"#)
        out.enumValue(task.flag)
        out.raw(#","isCache":"#)
        out.enumValue(task.isCache)
        out.raw(#","memoryMax":"#)
        out.raw(String(task.memoryMax))
        out.raw(#","taskExecuteType":"#)
        out.enumValue(task.taskExecuteType)
        out.raw(#","taskGroupId":"#)
        out.raw(String(task.taskGroupId))
        out.raw(#","taskGroupPriority":"#)
        out.raw(String(task.taskGroupPriority))
        out.raw(#","taskParams":"#)
        out.value(WorkflowShape.comparedParams(of: task, taskNames: taskNames))
        out.raw(#","taskPriority":"#)
        out.enumValue(task.taskPriority)
        out.raw(#","taskType":"#)
        out.string(task.taskType)
        out.raw(#","timeout":"#)
        out.raw(String(task.timeout))
        out.raw(#","timeoutFlag":"#)
        out.enumValue(task.timeoutFlag)
        out.raw(#","timeoutNotifyStrategy":"#)
        out.enumValue(task.timeoutNotifyStrategy)
        out.raw(#","workerGroup":"#)
        out.string(task.workerGroup)
        out.raw("}")
    }
}

private extension CanonicalJSON.Writer {
    mutating func enumValue<E: WireEnum>(_ value: E?) {
        if let value { string(value.rawValue) } else { raw("null") }
    }
}
