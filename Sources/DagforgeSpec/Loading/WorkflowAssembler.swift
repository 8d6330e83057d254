/// Builds one `WorkflowSpec` from a workflow folder: each task file becomes a task, then `workflow.yaml`'s
/// entries add tasks or override task files by name.
struct WorkflowAssembler {
    let folder: RepositoryLayout.WorkflowFolder
    let files: SpecFileIndex

    func assemble() -> (WorkflowSpec, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let yamlFile = folder.files.first { $0.path.hasSuffix("/workflow.yaml") || $0.path.hasSuffix("/workflow.yml") }
        var workflowFile = WorkflowFile()
        var declaration = SourceRange(path: yamlFile?.path ?? folder.path, start: .init(line: 1, column: 1))
        if let yamlFile {
            var context = DecodingContext(path: yamlFile.path)
            let (node, syntax) = YAMLDocument.parse(yamlFile.text, path: yamlFile.path)
            context.diagnostics += syntax
            workflowFile = WorkflowFile.decode(node, &context)
            diagnostics += context.diagnostics
            if let node { declaration = node.range }
        } else if let first = folder.files.first {
            declaration = SourceRange(path: first.path, start: .init(line: 1, column: 1))
        }
        if !NameRules.isValid(folder.name) {
            diagnostics.append(NameRules.invalid("workflow", folder.name, at: declaration))
        }

        var tasks: [String: TaskSpec] = [:]
        for file in folder.files where RepositoryLayout.isTaskFile(file.path) {
            let (task, problems) = TaskFileReader(workflow: folder.name).read(file)
            diagnostics += problems
            add(task, to: &tasks, &diagnostics)
        }
        let builder = TaskEntryBuilder(workflow: folder.name, folderPath: folder.path, files: files)
        for entry in workflowFile.tasks {
            guard let name = entry.name else { continue }
            if entry.type == nil, let fileTask = tasks[name.value] {
                tasks[name.value] = builder.override(fileTask, with: entry)
                continue
            }
            let (task, problems) = builder.build(entry, name: name)
            diagnostics += problems
            if let task { add(task, to: &tasks, &diagnostics) }
        }
        let spec = WorkflowSpec(
            name: folder.name, path: folder.path, description: workflowFile.description, schedule: workflowFile.schedule,
            params: workflowFile.params, defaults: workflowFile.defaults, executionType: workflowFile.executionType,
            timeout: workflowFile.timeout, tasks: tasks.values.sorted { $0.name < $1.name }, declaration: declaration)
        return (spec, diagnostics)
    }

    private func add(_ task: TaskSpec, to tasks: inout [String: TaskSpec], _ diagnostics: inout [Diagnostic]) {
        if let existing = tasks[task.name] {
            diagnostics.append(Diagnostic(
                .error, "DF107", "duplicate task name '\(task.name)' in workflow '\(folder.name)'",
                hint: "Rename one of the tasks; task names are unique within a workflow.", at: task.declaration,
                notes: [.init("first declared here", at: existing.declaration)], workflow: folder.name, task: task.name))
            return
        }
        if !NameRules.isValid(task.name) {
            diagnostics.append(NameRules.invalid("task", task.name, at: task.declaration))
        }
        tasks[task.name] = task
    }
}

/// Which names can be deployed as workflow and task names.
enum NameRules {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
    }

    static func invalid(_ kind: String, _ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "DF108", "invalid \(kind) name '\(name)'",
                   hint: "Use letters, digits, '_', '-' and '.'.", at: range)
    }
}

/// Reads one task file (`*.sql`, `*.sh`, `*.py`) and its header.
struct TaskFileReader {
    let workflow: String

    func read(_ file: SpecFile) -> (TaskSpec, [Diagnostic]) {
        let isSQL = file.path.hasSuffix(".sql")
        let (header, headerProblems) = TaskHeaderParser.parse(file.text, path: file.path, marker: isSQL ? "--" : "#")
        var context = DecodingContext(path: file.path)
        context.diagnostics = headerProblems
        let fileName = file.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(file.path[file.path.index(after: $0)...]) } ?? file.path
        let fields = header.decodeFields(&context, file: fileName)
        let stem = String(fileName[..<(fileName.lastIndex(of: ".") ?? fileName.endIndex)])
        let name = fields.name?.value ?? stem
        let declaration = fields.name?.range ?? SourceRange(path: file.path, start: .init(line: 1, column: 1))
        let kind: TaskKind = isSQL ? .sql(header.body) : file.path.hasSuffix(".py") ? .python(header.body) : .shell(header.body)
        let task = TaskSpec(address: TaskAddress(workflow: workflow, task: name), declaration: declaration, kind: kind,
                            settings: fields.settings, sourcePath: file.path, header: header)
        return (task, context.diagnostics)
    }
}
