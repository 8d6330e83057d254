/// Turns a `workflow.yaml` task entry into a `TaskSpec`, reading `file:` references from the repository.
struct TaskEntryBuilder {
    let workflow: String
    let folderPath: String
    let files: SpecFileIndex

    /// A file task with the entry's settings layered over its header's.
    func override(_ task: TaskSpec, with entry: TaskEntry) -> TaskSpec {
        var task = task
        task.settings = entry.settings.merged(over: task.settings)
        return task
    }

    func build(_ entry: TaskEntry, name: Located<String>) -> (TaskSpec?, [Diagnostic]) {
        var context = DecodingContext(path: name.range.path)
        guard let type = entry.type else {
            context.error("DF303", "task '\(name.value)' has no 'type' and there is no task file of that name to override",
                          hint: "Add `type:` (sql, shell, python, dependent, ...), or add the file \(name.value).sql/.sh/.py.",
                          at: name.range)
            return (nil, context.diagnostics)
        }
        guard let kind = kind(of: entry, type: type, name: name, &context) else { return (nil, context.diagnostics) }
        let task = TaskSpec(address: TaskAddress(workflow: workflow, task: name.value), declaration: name.range,
                            kind: kind, settings: entry.settings, sourcePath: name.range.path)
        return (task, context.diagnostics)
    }

    private func kind(of entry: TaskEntry, type: Located<String>, name: Located<String>,
                      _ context: inout DecodingContext) -> TaskKind? {
        func required<T>(_ value: T?, _ key: String) -> T? {
            if value == nil {
                context.error("DF303", "\(type.value) task '\(name.value)' needs '\(key)'", hint: "Add `\(key):` to the task.", at: entry.range)
            }
            return value
        }
        switch type.value {
        case "sql": return text(entry.sql, entry.file, "sql", name, &context).map(TaskKind.sql)
        case "shell": return text(entry.command, entry.file, "command", name, &context).map(TaskKind.shell)
        case "python": return text(entry.command, entry.file, "command", name, &context).map(TaskKind.python)
        case "dependent":
            guard required(entry.on.isEmpty ? nil : entry.on, "on") != nil else { return nil }
            return .dependent(DependentTask(on: entry.on, cycle: entry.cycle, dateValue: entry.date, relation: entry.relation))
        case "sub_process": return required(entry.workflow, "workflow").map { .subProcess(workflow: $0) }
        case "conditions":
            guard required(entry.success.isEmpty && entry.failed.isEmpty ? nil : true, "success") != nil else { return nil }
            return .conditions(ConditionsTask(success: entry.success, failed: entry.failed))
        case "switch":
            guard required(entry.cases.isEmpty ? nil : true, "cases") != nil else { return nil }
            return .switch(SwitchTask(cases: entry.cases, defaultBranch: entry.defaultBranch))
        case "http":
            guard let url = required(entry.url, "url") else { return nil }
            return .http(HTTPTask(url: url, method: entry.method, headers: entry.headers, query: entry.query, body: entry.body,
                                  expectStatus: entry.expectStatus, expectBodyContains: entry.expectBodyContains))
        case let other where !other.isEmpty && other.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }):
            return .passThrough(type: other, params: entry.params ?? .object([:]))
        default:
            context.error("DF106", "unknown task type '\(type.value)'" + NameSuggestion.phrase(for: type.value, in: TaskEntry.builtInTypes),
                          hint: "Use \(TaskEntry.builtInTypes.joined(separator: ", ")), or a DolphinScheduler task type in upper case (SPARK, FLINK, ...).",
                          at: type.range)
            return nil
        }
    }

    /// Inline text, or the contents of `file:` (relative to the workflow folder).
    private func text(_ inline: SpecNode?, _ file: Located<String>?, _ key: String, _ name: Located<String>,
                      _ context: inout DecodingContext) -> TaskText? {
        if let inline { return TaskText(inline.scalarText ?? "", start: inline.range) }
        guard let file else {
            context.error("DF303", "task '\(name.value)' needs '\(key)' or 'file'", hint: "Add `\(key):` or `file:`.", at: name.range)
            return nil
        }
        guard let path = RepositoryPath.resolve(file.value, relativeTo: folderPath) else {
            context.error("DF105", "'\(file.value)' points outside the repository", hint: "Reference files inside the repository only.",
                          at: file.range)
            return nil
        }
        guard let contents = files[path] else {
            context.error("DF104", "file '\(path)' does not exist", hint: "Add the file or correct the path (relative to \(folderPath)).",
                          at: file.range)
            return nil
        }
        return TaskText(contents.text, start: SourceRange(path: path, start: .init(line: 1, column: 1)))
    }
}

/// Repository-relative path arithmetic, without the file system.
enum RepositoryPath {
    /// `reference` resolved against `folder`; nil when it climbs above the repository root or is absolute.
    static func resolve(_ reference: String, relativeTo folder: String) -> String? {
        guard !reference.hasPrefix("/") else { return nil }
        var parts = folder.split(separator: "/").map(String.init)
        for part in reference.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
