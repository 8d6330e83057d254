import DagforgeSQL
import DagforgeSpec
import DagforgeWire

/// What the repository's dependency graph needs of one workflow, and nothing else: task names, declared
/// references with their positions, the settings inference reads, and each SQL task's tables. Kept between
/// `validate --changed-since` runs (keyed by the folder's git tree), so an unchanged folder is not read again.
struct WorkflowOutline: Hashable, Sendable {
    var name: String
    /// The folder's git tree id when it was read: byte-equal folders have equal ids.
    var tree: String
    var declaration: SourceRange
    var defaultsInfer: Bool?
    var defaultsDatasource: Located<String>?
    var tasks: [TaskOutline]

    struct TaskOutline: Hashable, Sendable {
        var name: String
        var declaration: SourceRange
        var sourcePath: String
        var upstream: [Located<String>]?
        var datasource: Located<String>?
        var infer: Bool?
        var kind: Kind
    }

    /// The parts of a task kind the resolver follows.
    enum Kind: Hashable, Sendable {
        /// The dialect the SQL was read in, and what it read and wrote (the task is implied).
        case sql(dialect: SQLDialect, textStart: SourceRange, reads: [TableUse], writes: [TableUse], warnings: [Located<String>])
        case dependent(on: [Located<String>])
        case subProcess(Located<String>)
        case conditions(success: [Located<String>], failed: [Located<String>])
        case branching(cases: [Located<String>], defaultBranch: Located<String>?)
        /// Shell, Python, HTTP and pass-through tasks: no references, no lineage.
        case other(taskType: String)
    }

    /// The outline of a fully loaded workflow whose SQL tasks `lineage` holds (analyzed in `dialects`).
    /// Nil when the workflow reads a file outside its folder (`file: ../x.sql`): its tree id would not
    /// cover that file, so it is never kept.
    init?(_ workflow: WorkflowSpec, tree: String, lineage: [TaskAddress: TaskLineage], dialects: DialectChoice) {
        let folder = workflow.path + "/"
        var tasks: [TaskOutline] = []
        for task in workflow.tasks {
            guard task.sourcePath.hasPrefix(folder) else { return nil }
            let kind: Kind
            switch task.kind {
            case .sql(let text):
                guard text.start.path.hasPrefix(folder), let analyzed = lineage[task.address] else { return nil }
                kind = .sql(dialect: dialects.dialect(for: task, in: workflow), textStart: text.start,
                            reads: analyzed.reads, writes: analyzed.writes, warnings: analyzed.warnings)
            case .shell(let text), .python(let text):
                guard text.start.path.hasPrefix(folder) else { return nil }
                kind = .other(taskType: task.kind.taskType)
            case .dependent(let dependent): kind = .dependent(on: dependent.on)
            case .subProcess(let child): kind = .subProcess(child)
            case .conditions(let conditions): kind = .conditions(success: conditions.success, failed: conditions.failed)
            case .switch(let branching): kind = .branching(cases: branching.cases.map(\.then), defaultBranch: branching.defaultBranch)
            case .http, .passThrough: kind = .other(taskType: task.kind.taskType)
            }
            tasks.append(TaskOutline(name: task.name, declaration: task.declaration, sourcePath: task.sourcePath,
                                     upstream: task.settings.upstream, datasource: task.settings.datasource,
                                     infer: task.settings.infer, kind: kind))
        }
        self.init(name: workflow.name, tree: tree, declaration: workflow.declaration, defaultsInfer: workflow.defaults.infer,
                  defaultsDatasource: workflow.defaults.datasource, tasks: tasks)
    }

    init(name: String, tree: String, declaration: SourceRange, defaultsInfer: Bool?, defaultsDatasource: Located<String>?,
         tasks: [TaskOutline]) {
        self.name = name
        self.tree = tree
        self.declaration = declaration
        self.defaultsInfer = defaultsInfer
        self.defaultsDatasource = defaultsDatasource
        self.tasks = tasks
    }

    /// A workflow spec with only what the resolver reads filled in: names, references and inference
    /// settings. Good for building the graph, not for rendering or checks.
    func hollowSpec() -> WorkflowSpec {
        var defaults = TaskSettings()
        defaults.infer = defaultsInfer
        defaults.datasource = defaultsDatasource
        let tasks = self.tasks.map { task in
            var settings = TaskSettings()
            settings.upstream = task.upstream
            settings.datasource = task.datasource
            settings.infer = task.infer
            return TaskSpec(address: TaskAddress(workflow: name, task: task.name), declaration: task.declaration,
                            kind: task.kind.hollow, settings: settings, sourcePath: task.sourcePath)
        }
        return WorkflowSpec(name: name, path: "workflows/" + name, defaults: defaults, tasks: tasks, declaration: declaration)
    }

    /// The SQL tasks' lineage, with `infers` worked out anew for `repository` (the project's `infer:` may
    /// have changed since the outline was kept); nil when a task's dialect is no longer the one it was read
    /// in (an environment now maps its datasource to another database type): the folder must be read again.
    /// - Parameter workflow: this outline's `hollowSpec()`.
    func lineage(of workflow: WorkflowSpec, in repository: LoadedRepository, dialects: DialectChoice) -> [TaskLineage]? {
        var result: [TaskLineage] = []
        for (task, outline) in zip(workflow.tasks, tasks) {
            guard case .sql(let dialect, _, let reads, let writes, let warnings) = outline.kind else { continue }
            guard dialects.dialect(for: task, in: workflow) == dialect else { return nil }
            result.append(TaskLineage(task: task.address, infers: repository.infers(task, in: workflow),
                                      reads: reads, writes: writes, warnings: warnings))
        }
        return result
    }
}

extension WorkflowOutline.Kind {
    var hollow: TaskKind {
        switch self {
        case .sql(_, let start, _, _, _): .sql(TaskText("", start: start))
        case .dependent(let on): .dependent(DependentTask(on: on, cycle: "", dateValue: "", relation: .AND))
        case .subProcess(let child): .subProcess(workflow: child)
        case .conditions(let success, let failed): .conditions(ConditionsTask(success: success, failed: failed))
        case .branching(let cases, let defaultBranch):
            .switch(SwitchTask(cases: cases.map { SwitchTask.Case(condition: "", then: $0) }, defaultBranch: defaultBranch))
        case .other(let type): .passThrough(type: type, params: .object([:]))
        }
    }
}
