import DagforgeWire

/// Which DolphinScheduler REST dialect an engine speaks. 3.3 renamed "process" to "workflow" in paths,
/// parameters and response keys (reference §15); nothing else in the client depends on the version.
public enum DolphinAPIVersion: String, Codable, Sendable, CaseIterable {
    case v3_2 = "3.2"
    case v3_3 = "3.3"
}

/// The one table of the names that differ between 3.2 and 3.3. Every request builder asks it.
public struct DolphinRoutes: Sendable, Hashable {
    public let version: DolphinAPIVersion

    public init(version: DolphinAPIVersion) { self.version = version }

    private var is32: Bool { version == .v3_2 }

    /// `process-definition` / `workflow-definition`.
    public var definitionSegment: String { is32 ? "process-definition" : "workflow-definition" }
    /// `process-instances` / `workflow-instances`.
    public var instanceSegment: String { is32 ? "process-instances" : "workflow-instances" }
    /// `start-process-instance` / `start-workflow-instance`.
    public var startInstanceSegment: String { is32 ? "start-process-instance" : "start-workflow-instance" }
    /// The workflow-code parameter of schedules and executors.
    public var definitionCodeParameter: String { is32 ? "processDefinitionCode" : "workflowDefinitionCode" }
    /// The priority parameter of schedules and executors.
    public var instancePriorityParameter: String { is32 ? "processInstancePriority" : "workflowInstancePriority" }

    public func definitions(project: Int64) -> String { "/projects/\(project)/\(definitionSegment)" }
    public func instances(project: Int64) -> String { "/projects/\(project)/\(instanceSegment)" }
    public func schedules(project: Int64) -> String { "/projects/\(project)/schedules" }
    public func executors(project: Int64) -> String { "/projects/\(project)/executors" }
    public func taskDefinitions(project: Int64) -> String { "/projects/\(project)/task-definition" }

    /// 3.3 response keys mapped back to the 3.2 names the wire types decode (reference §15).
    static let renamedResponseKeys: [String: String] = [
        "workflowDefinition": "processDefinition",
        "workflowTaskRelationList": "processTaskRelationList",
        "workflowDefinitionCode": "processDefinitionCode",
        "workflowDefinitionVersion": "processDefinitionVersion",
        "workflowDefinitionName": "processDefinitionName",
        "workflowInstancePriority": "processInstancePriority",
        "workflowInstanceId": "processInstanceId",
        "workflowInstanceName": "processInstanceName",
        "workflowInstanceState": "processInstanceState",
    ]

    /// Rewrites a 3.3 response into 3.2 key names; a 3.2 response is returned unchanged.
    func normalizedResponse(_ value: JSONValue) -> JSONValue {
        is32 ? value : Self.renamingKeys(value)
    }

    private static func renamingKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var renamed: [String: JSONValue] = [:]
            renamed.reserveCapacity(object.count)
            for (key, child) in object {
                // `taskParams` holds user content; leave its keys alone.
                renamed[renamedResponseKeys[key] ?? key] = key == "taskParams" ? child : renamingKeys(child)
            }
            return .object(renamed)
        case .array(let array):
            return .array(array.map(renamingKeys))
        default:
            return value
        }
    }
}
