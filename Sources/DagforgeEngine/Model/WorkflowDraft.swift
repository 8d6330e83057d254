import DagforgeWire

/// A workflow version to store, already validated by `ProcessDefinitionService`: the definition's fields and
/// its whole DAG (tasks with their codes, and edges). The store assigns task versions and pins them.
struct WorkflowDraft: Sendable {
    var projectCode: Int64
    var name: String
    var description: String
    /// JSON array text, stored verbatim.
    var globalParams: String
    /// JSON array text, stored verbatim.
    var locations: String?
    var timeout: Int
    var executionType: ProcessExecutionType
    var releaseState: ReleaseState = .OFFLINE
    var tasks: [TaskDefinition]
    var relations: [ProcessTaskRelation]
}

/// A SUB_PROCESS or DEPENDENT task pointing at another workflow.
struct WorkflowReference: Sendable, Hashable {
    enum Kind: String, Sendable { case subProcess = "SUB_PROCESS", dependent = "DEPENDENT" }

    let taskName: String
    let targetCode: Int64
    let kind: Kind

    /// The workflows the given tasks point at (SUB_PROCESS `processDefinitionCode`, DEPENDENT `definitionCode`).
    static func extract(from tasks: [TaskDefinition]) -> [WorkflowReference] {
        var references: [WorkflowReference] = []
        for task in tasks {
            switch task.taskType {
            case TaskType.subProcess:
                if let code = task.taskParams["processDefinitionCode"]?.int64Value, code != 0 {
                    references.append(WorkflowReference(taskName: task.name, targetCode: code, kind: .subProcess))
                }
            case TaskType.dependent:
                let groups = task.taskParams["dependence"]?["dependTaskList"]?.arrayValue ?? []
                for item in groups.flatMap({ $0["dependItemList"]?.arrayValue ?? [] }) {
                    if let code = item["definitionCode"]?.int64Value, code != 0 {
                        references.append(WorkflowReference(taskName: task.name, targetCode: code, kind: .dependent))
                    }
                }
            default:
                continue
            }
        }
        return Array(Set(references)).sorted { ($0.targetCode, $0.taskName) < ($1.targetCode, $1.taskName) }
    }
}
