extension WorkflowOverride {
    static let decoder = ObjectDecoder<WorkflowOverride>(
        title: "Workflow override",
        fields: [
            .init("schedule", .object(WorkflowSchedule.decoder.shape), "Schedule fields to change.") { override, node, context in
                override.schedule = WorkflowSchedule.decode(node, &context)
            },
            .init("params", .map(.anyOf([.string, .integer, .boolean])), "Global params to change or add.") { override, node, _ in
                override.params = node.stringMap
            },
            .init("defaults", .object(TaskSettings.decoder.shape), "Settings for every task of the workflow.") { override, node, context in
                TaskSettings.decoder.decode(node, into: &override.defaults, &context, where: "defaults")
            },
            .init("tasks", .map(.object(TaskSettings.decoder.shape)), "Settings per task name.") { override, node, context in
                for entry in node.entries ?? [] {
                    var settings = TaskSettings()
                    TaskSettings.decoder.decode(entry.value, into: &settings, &context, where: "the override of '\(entry.key)'")
                    override.tasks[entry.key] = TaskOverride(task: Located(entry.key, at: entry.keyRange), settings: settings)
                }
            },
        ]
    )

    static func decode(_ entry: SpecNode.Entry, _ context: inout DecodingContext) -> WorkflowOverride {
        var override = WorkflowOverride(workflow: Located(entry.key, at: entry.keyRange), schedule: nil, params: [:],
                                        defaults: TaskSettings(), tasks: [:])
        decoder.decode(entry.value, into: &override, &context, where: "the override of '\(entry.key)'")
        return override
    }
}
