import DagforgeCompiler
import DagforgeSpec

/// A name the compiled specs of one environment need that environment's engine to have: a datasource,
/// worker group, tenant or DolphinScheduler environment, with the first spec line that uses it.
public struct EngineReference: Hashable, Sendable {
    public enum Kind: Hashable, Sendable, CaseIterable {
        case datasource, workerGroup, tenant, environment

        /// The rule reported when the engine lacks the name (DF601-DF604).
        public var ruleCode: String {
            switch self {
            case .datasource: "DF601"
            case .workerGroup: "DF602"
            case .tenant: "DF603"
            case .environment: "DF604"
            }
        }

        public var noun: String {
            switch self {
            case .datasource: "datasource"
            case .workerGroup: "worker group"
            case .tenant: "tenant"
            case .environment: "environment"
            }
        }
    }

    public var kind: Kind
    /// The name on the engine.
    public var name: String
    /// The first use, by file and position.
    public var use: SourceRange
    /// The task of the first use; nil when the environment file uses the name (its tenant).
    public var task: TaskAddress?
    /// How many tasks use the name (0 for a tenant).
    public var taskCount: Int
    /// For a datasource: where the environment maps the logical name onto this engine name.
    public var mapping: SourceRange?

    /// Everything `result` (one environment, rendered) needs from its engine, sorted by kind and name.
    /// The DolphinScheduler literals `default` (worker group, tenant) always exist and are left out.
    public static func collect(from result: CompilationResult) -> [EngineReference] {
        guard let environment = result.environment else { return [] }
        var found: [Key: EngineReference] = [:]
        func add(_ kind: Kind, _ name: String, at use: SourceRange, task: TaskAddress?, mapping: SourceRange? = nil) {
            guard !(name == "default" && (kind == .workerGroup || kind == .tenant)) else { return }
            let key = Key(kind: kind, name: name)
            var reference = found[key] ?? EngineReference(kind: kind, name: name, use: use, task: task, taskCount: 0, mapping: mapping)
            if task != nil { reference.taskCount += 1 }
            if (use.path, use.start) < (reference.use.path, reference.use.start) {
                reference.use = use
                reference.task = task
            }
            found[key] = reference
        }
        for workflow in result.rendered {
            for task in workflow.tasks {
                let address = task.spec.address
                if let datasource = task.datasource {
                    add(.datasource, datasource.name.value, at: task.settings.datasource?.range ?? task.spec.declaration,
                        task: address, mapping: datasource.name.range)
                }
                let workerGroup = task.settings.workerGroup ?? environment.workerGroup ?? "default"
                // Set by the task or its workflow's defaults, else by the environment file.
                let workerGroupUse = task.settings.workerGroup == nil ? environment.declaration
                    : task.headerValue("worker_group") ?? task.spec.declaration
                add(.workerGroup, workerGroup, at: workerGroupUse, task: address)
                if let name = task.settings.environment {
                    add(.environment, name, at: task.headerValue("environment") ?? task.spec.declaration, task: address)
                }
            }
        }
        if let tenant = environment.tenant { add(.tenant, tenant, at: environment.declaration, task: nil) }
        return found.values.sorted { ($0.kind.ruleCode, $0.name) < ($1.kind.ruleCode, $1.name) }
    }

    private struct Key: Hashable {
        var kind: Kind
        var name: String
    }
}

extension RenderedTask {
    /// Where the task file's header sets `key`, if it does.
    func headerValue(_ key: String) -> SourceRange? {
        spec.header?.entries.first { $0.key.value == key }?.value.range
    }
}
