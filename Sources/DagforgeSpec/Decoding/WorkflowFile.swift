import DagforgeWire

/// `workflow.yaml` as written, before its tasks are merged with the folder's task files.
struct WorkflowFile {
    var description = ""
    var schedule: WorkflowSchedule?
    var params: [WorkflowSpec.Parameter] = []
    var defaults = TaskSettings()
    var executionType: ProcessExecutionType?
    var timeout = 0
    var tasks: [TaskEntry] = []

    static let executionTypes = ["parallel", "serial_wait", "serial_discard", "serial_priority"]

    static let decoder = ObjectDecoder<WorkflowFile>(
        title: "workflow.yaml",
        fields: [
            .init("description", .string, "Workflow description.") { file, node, _ in
                file.description = node.scalarText ?? ""
            },
            .init("schedule", .object(WorkflowSchedule.decoder.shape), "When the workflow runs.") { file, node, context in
                file.schedule = WorkflowSchedule.decode(node, &context)
            },
            .init("params", .map(.anyOf([.string, .integer, .boolean])),
                  "DolphinScheduler global params, kept as written (e.g. bizdate: \"$[yyyyMMdd-1]\").") { file, node, _ in
                file.params = (node.entries ?? []).map {
                    WorkflowSpec.Parameter(name: Located($0.key, at: $0.keyRange), value: $0.value.locatedString)
                }
            },
            .init("defaults", .object(TaskSettings.decoder.shape), "Settings for every task of the workflow.") { file, node, context in
                TaskSettings.decoder.decode(node, into: &file.defaults, &context, where: "defaults")
            },
            .init("execution_type", .enumeration(executionTypes), "What happens when a run starts while another is running.") { file, node, context in
                file.executionType = node.wireEnum(ProcessExecutionType.self, key: "execution_type", &context)
            },
            .init("timeout", .duration, "Workflow timeout; 0 = none.") { file, node, context in
                file.timeout = node.minutes("timeout", &context) ?? 0
            },
            .init("tasks", .list(.object(TaskEntry.decoder.shape)), "Extra tasks, and overrides of task files by name.") { file, node, context in
                file.tasks = (node.elements ?? []).map { TaskEntry.decode($0, &context) }
            },
        ]
    )

    static func decode(_ node: SpecNode?, _ context: inout DecodingContext) -> WorkflowFile {
        var file = WorkflowFile()
        if let node { decoder.decode(node, into: &file, &context, where: "workflow.yaml") }
        return file
    }
}
