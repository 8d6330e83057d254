import Foundation
import DagforgeWire

extension TaskSettings {
    /// The settings fields, shared by task headers, `workflow.yaml` tasks and defaults, and environment
    /// overrides. `upstream` is accepted as a list or as DolphinScheduler's comma-separated string.
    static let fields: [ObjectDecoder<TaskSettings>.Field] = [
        .init("upstream", .anyOf([.list(.string), .string]),
              "Upstream tasks: `task` in this workflow or `workflow/task` in another; `root` or [] = none.") { settings, node, _ in
            settings.upstream = node.elements != nil ? node.stringList : commaList(node)
        },
        .init("datasource", .string, "Logical datasource name; each environment maps it to an engine datasource.") { settings, node, _ in
            settings.datasource = node.locatedString
        },
        .init("description", .string, "Description shown in DolphinScheduler.") { settings, node, _ in
            settings.description = node.scalarText
        },
        .init("retries", .integer, "Retry count on failure (failRetryTimes).") { settings, node, context in
            settings.retries = nonNegative(node, "retries", &context)
        },
        .init("retry_interval", .duration, "Wait between retries (failRetryInterval).") { settings, node, context in
            settings.retryInterval = node.minutes("retry_interval", &context)
        },
        .init("timeout", .duration, "Task timeout; 0 = none.") { settings, node, context in
            settings.timeout = node.minutes("timeout", &context)
        },
        .init("timeout_strategy", .enumeration(TaskTimeoutStrategy.allCases.map(\.rawValue)),
              "What a timeout does: WARN, FAILED or WARNFAILED.") { settings, node, context in
            settings.timeoutStrategy = node.wireEnum(TaskTimeoutStrategy.self, key: "timeout_strategy", &context)
        },
        .init("delay", .duration, "Delay before the task starts (delayTime).") { settings, node, context in
            settings.delay = node.minutes("delay", &context)
        },
        .init("priority", .enumeration(Priority.allCases.map(\.rawValue)), "Task priority.") { settings, node, context in
            settings.priority = node.wireEnum(Priority.self, key: "priority", &context)
        },
        .init("worker_group", .string, "Worker group; defaults to the environment's.") { settings, node, _ in
            settings.workerGroup = node.scalarText
        },
        .init("environment", .string, "DolphinScheduler environment name (e.g. one that sets PYTHON_LAUNCHER).") { settings, node, _ in
            settings.environment = node.scalarText
        },
        .init("sql_type", .enumeration(SQLKind.allCases.map(\.rawValue)),
              "query (rows are returned) or non_query; guessed from the first statement when absent.") { settings, node, context in
            settings.sqlType = SQLKind(rawValue: (node.scalarText ?? "").lowercased())
            if settings.sqlType == nil {
                context.invalidValue(node, "'\(node.scalarText ?? "")' is not a valid sql_type",
                                     hint: "Use query or non_query.")
            }
        },
        .init("infer", .boolean, "Whether SQL lineage may add upstreams (default true).") { settings, node, _ in
            settings.infer = node.boolean
        },
        .init("enabled", .boolean, "false deploys the task as forbidden: skipped, downstream continues.") { settings, node, _ in
            settings.enabled = node.boolean
        },
        .init("cache", .boolean, "DolphinScheduler task result cache (isCache).") { settings, node, _ in
            settings.cache = node.boolean
        },
        .init("cpu_quota", .integer, "CPU quota in percent; -1 = unlimited.") { settings, node, _ in
            settings.cpuQuota = node.integer
        },
        .init("memory_max", .integer, "Memory limit in MB; -1 = unlimited.") { settings, node, _ in
            settings.memoryMax = node.integer
        },
        .init("local_params", .map(.anyOf([.string, .integer, .boolean])), "Task-local parameters (localParams), name: value.") { settings, node, _ in
            settings.params = node.stringMap
        },
    ]

    /// `a, b` → [a, b]; `root` (DolphinScheduler's marker for "no upstream") → [].
    private static func commaList(_ node: SpecNode) -> [Located<String>] {
        let text = node.scalarText ?? ""
        if text.trimmingBlanks().lowercased() == "root" { return [] }
        var result: [Located<String>] = []
        var column = node.range.start.column
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " }.count
            let name = part.trimmingBlanks()
            if !name.isEmpty {
                let start = SourceLocation(line: node.range.start.line, column: column + leading)
                let end = SourceLocation(line: start.line, column: start.column + name.count)
                result.append(Located(name, at: SourceRange(path: node.range.path, start: start, end: end)))
            }
            column += part.count + 1
        }
        return result
    }

    private static func nonNegative(_ node: SpecNode, _ key: String, _ context: inout DecodingContext) -> Int? {
        guard let value = node.integer, value >= 0 else {
            context.invalidValue(node, "'\(key)' must not be negative", hint: "Use 0 or a positive number.")
            return nil
        }
        return value
    }
}

/// A decoded value that carries task settings next to its own keys (a header, a task entry, an override).
protocol TaskSettingsCarrier {
    var settings: TaskSettings { get set }
}

extension TaskSettings {
    /// The settings fields, writing into the `settings` of a carrier.
    static func fields<Carrier: TaskSettingsCarrier>(for _: Carrier.Type) -> [ObjectDecoder<Carrier>.Field] where Carrier: SendableMetatype {
        fields.map { field in
            ObjectDecoder<Carrier>.Field(field.key, field.shape, field.summary) { carrier, node, context in
                field.decode(&carrier.settings, node, &context)
            }
        }
    }

    /// Decoder for a bare settings mapping (`defaults:`, per-task overrides).
    static let decoder = ObjectDecoder<TaskSettings>(title: "Task settings", fields: fields)
}
