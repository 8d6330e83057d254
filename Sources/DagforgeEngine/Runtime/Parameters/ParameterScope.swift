import DagforgeWire

/// Everything a task's parameters are resolved from, lowest precedence first (DolphinScheduler's
/// `CuringParamsService.paramParsingPreparation`): built-ins, project parameters, the instance's global
/// parameters, the var pool (upstream OUT values), the task's IN local parameters, then the run's start
/// parameters, which win over everything.
public struct ParameterScope: Sendable {
    public var businessTime: BusinessTime
    /// `system.task.instance.id`, `system.workflow.definition.name`, ... (see ``BuiltInParameters``).
    public var builtIns: [String: String]
    public var project: [String: String]
    public var global: [Property]
    public var varPool: [Property]
    public var local: [Property]
    public var start: [String: String]

    public init(businessTime: BusinessTime, builtIns: [String: String] = [:], project: [String: String] = [:],
                global: [Property] = [], varPool: [Property] = [], local: [Property] = [],
                start: [String: String] = [:]) {
        self.businessTime = businessTime
        self.builtIns = builtIns
        self.project = project
        self.global = global
        self.varPool = varPool
        self.local = local
        self.start = start
    }
}

/// The identity parameters DolphinScheduler gives every task (`system.task.*`, `system.workflow.*`,
/// `system.project.*`).
public struct BuiltInParameters: Sendable {
    public var taskInstanceId: Int
    public var taskDefinitionCode: Int64
    public var taskDefinitionName: String
    public var workflowInstanceId: Int
    public var workflowDefinitionCode: Int64
    public var workflowDefinitionName: String
    public var projectCode: Int64
    public var projectName: String
    /// The task's working directory, when it has one.
    public var executePath: String?

    public init(taskInstanceId: Int, taskDefinitionCode: Int64, taskDefinitionName: String, workflowInstanceId: Int,
                workflowDefinitionCode: Int64, workflowDefinitionName: String, projectCode: Int64,
                projectName: String, executePath: String? = nil) {
        self.taskInstanceId = taskInstanceId
        self.taskDefinitionCode = taskDefinitionCode
        self.taskDefinitionName = taskDefinitionName
        self.workflowInstanceId = workflowInstanceId
        self.workflowDefinitionCode = workflowDefinitionCode
        self.workflowDefinitionName = workflowDefinitionName
        self.projectCode = projectCode
        self.projectName = projectName
        self.executePath = executePath
    }

    public var values: [String: String] {
        var values = [
            "system.task.instance.id": String(taskInstanceId),
            "system.task.definition.code": String(taskDefinitionCode),
            "system.task.definition.name": taskDefinitionName,
            "system.workflow.instance.id": String(workflowInstanceId),
            "system.workflow.definition.code": String(workflowDefinitionCode),
            "system.workflow.definition.name": workflowDefinitionName,
            "system.project.code": String(projectCode),
            "system.project.name": projectName,
        ]
        if let executePath { values["system.task.execute.path"] = executePath }
        return values
    }
}
