import DagforgeWire

extension TaskEntry {
    static let decoder = ObjectDecoder<TaskEntry>(
        title: "Task",
        fields: [
            .init("name", .string, "Task name, unique in the workflow. Naming a task file overrides its settings.") { entry, node, _ in
                entry.name = node.locatedString
            },
            .init("type", .string, "sql, shell, python, dependent, sub_process, conditions, switch, http, or any DolphinScheduler task type in upper case (SPARK, FLINK, ...) with raw `params`.") { entry, node, _ in
                entry.type = node.locatedString
            },
            .init("sql", .string, "SQL text (sql tasks).") { entry, node, _ in entry.sql = node },
            .init("command", .string, "Script text (shell and python tasks).") { entry, node, _ in entry.command = node },
            .init("file", .string, "Script or SQL file, relative to the workflow folder.") { entry, node, _ in
                entry.file = node.locatedString
            },
            .init("on", .anyOf([.string, .list(.string)]), "dependent: `workflow` or `workflow/task` to wait for.") { entry, node, _ in
                entry.on = node.elements != nil ? node.stringList : [node.locatedString]
            },
            .init("cycle", .enumeration(["hour", "day", "week", "month"]), "dependent: date cycle (default day).") { entry, node, _ in
                entry.cycle = node.scalarText ?? "day"
            },
            .init("date", .string, "dependent: date window, e.g. today, last1Days, thisWeek (default today).") { entry, node, _ in
                entry.date = node.scalarText ?? "today"
            },
            .init("relation", .enumeration(["AND", "OR"]), "dependent: whether all (AND) or any (OR) target must have succeeded.") { entry, node, context in
                entry.relation = node.wireEnum(DependentRelation.self, key: "relation", &context) ?? .AND
            },
            .init("workflow", .string, "sub_process: the workflow to run as a child.") { entry, node, _ in
                entry.workflow = node.locatedString
            },
            .init("success", .anyOf([.string, .list(.string)]), "conditions: tasks to run when every upstream succeeded.") { entry, node, _ in
                entry.success = node.elements != nil ? node.stringList : [node.locatedString]
            },
            .init("failed", .anyOf([.string, .list(.string)]), "conditions: tasks to run otherwise.") { entry, node, _ in
                entry.failed = node.elements != nil ? node.stringList : [node.locatedString]
            },
            .init("cases", .list(.object(SwitchCaseFields.decoder.shape)), "switch: ordered `{when, then}` branches.") { entry, node, context in
                entry.cases = (node.elements ?? []).compactMap { SwitchCaseFields.decode($0, &context) }
            },
            .init("default", .string, "switch: task to run when no case matches.") { entry, node, _ in
                entry.defaultBranch = node.locatedString
            },
            .init("url", .string, "http: URL to call.") { entry, node, _ in entry.url = node.locatedString },
            .init("method", .enumeration(HttpMethod.allCases.map(\.rawValue)), "http: method (default GET).") { entry, node, context in
                entry.method = node.wireEnum(HttpMethod.self, key: "method", &context) ?? .GET
            },
            .init("headers", .map(.string), "http: request headers.") { entry, node, _ in
                entry.headers = node.stringMap.mapValues(\.value)
            },
            .init("query", .map(.string), "http: query parameters.") { entry, node, _ in
                entry.query = node.stringMap.mapValues(\.value)
            },
            .init("body", .string, "http: request body.") { entry, node, _ in entry.body = node.scalarText },
            .init("expect_status", .integer, "http: expected status code (default: 200).") { entry, node, _ in
                entry.expectStatus = node.integer
            },
            .init("expect_body_contains", .string, "http: text the response body must contain.") { entry, node, _ in
                entry.expectBodyContains = node.scalarText
            },
            .init("params", .any, "Pass-through task types: raw DolphinScheduler taskParams.") { entry, node, _ in
                entry.params = node.json
            },
        ] + TaskSettings.fields(for: TaskEntry.self),
        required: ["name"]
    )

    static func decode(_ node: SpecNode, _ context: inout DecodingContext) -> TaskEntry {
        var entry = TaskEntry(range: node.range)
        decoder.decode(node, into: &entry, &context, where: "a task")
        return entry
    }
}

/// One `cases:` item of a switch task.
struct SwitchCaseFields {
    var when: String?
    var then: Located<String>?

    static let decoder = ObjectDecoder<SwitchCaseFields>(
        title: "Switch case",
        fields: [
            .init("when", .string, "Condition over ${params}, e.g. \"${region} == 'eu'\".") { fields, node, _ in
                fields.when = node.scalarText
            },
            .init("then", .string, "Task to run when the condition holds.") { fields, node, _ in
                fields.then = node.locatedString
            },
        ],
        required: ["when", "then"]
    )

    static func decode(_ node: SpecNode, _ context: inout DecodingContext) -> SwitchTask.Case? {
        var fields = SwitchCaseFields()
        decoder.decode(node, into: &fields, &context, where: "a switch case")
        guard let when = fields.when, let then = fields.then else { return nil }
        return SwitchTask.Case(condition: when, then: then)
    }
}
