import DagforgeSQL
import DagforgeSpec
import DagforgeWire

/// SQL lineage of a whole repository: every SQL task analyzed (in parallel), and the table map on request.
public struct RepositoryLineage: Hashable, Sendable {
    /// One per SQL task, in repository order.
    public var tasks: [TaskLineage]

    /// Readers and writers by table. Built when asked for: compiling and validating never need it, and at
    /// 40,000 tasks it costs a tenth of a `--changed-since` check.
    public var tables: TableMap { TableMap(tasks) }

    public init(repository: LoadedRepository) {
        self.init(analyzed: Self.analyze(repository))
    }

    /// Tasks analyzed by `analyze(_:)`.
    init(analyzed tasks: [TaskLineage]) {
        self.tasks = tasks
    }

    /// Every SQL task of `repository` analyzed, on all cores.
    static func analyze(_ repository: LoadedRepository) -> [TaskLineage] {
        jobs(repository).concurrentMap { $0.analyze() }
    }

    /// `analyze(_:)`, with `side` run beside it on one core until it is done.
    static func analyze<Side: Sendable>(_ repository: LoadedRepository,
                                        alongside side: @Sendable () -> Side) -> ([TaskLineage], Side) {
        jobs(repository).concurrentMap({ $0.analyze() }, alongside: side)
    }

    private static func jobs(_ repository: LoadedRepository) -> [Job] {
        let dialects = DialectChoice(repository: repository)
        var jobs: [Job] = []
        for workflow in repository.workflows {
            for task in workflow.tasks {
                guard case .sql(let text) = task.kind else { continue }
                let infers = repository.infers(task, in: workflow)
                jobs.append(Job(task: task.address, text: text, dialect: dialects.dialect(for: task, in: workflow), infers: infers))
            }
        }
        return jobs
    }

    public func task(_ address: TaskAddress) -> TaskLineage? { tasks.first { $0.task == address } }

    private struct Job: Sendable {
        var task: TaskAddress
        var text: TaskText
        var dialect: SQLDialect
        var infers: Bool

        func analyze() -> TaskLineage { TaskLineage(task: task, text: text, dialect: dialect, infers: infers) }
    }
}

/// The dialect a task's SQL is read in: `dialect:` in dagforge.yaml, else the type the environments map
/// the task's datasource to (when they agree on one we know), else generic.
struct DialectChoice: Sendable {
    private let project: SQLDialect?
    private let byDatasource: [String: SQLDialect]
    private let projectDatasource: String?

    init(repository: LoadedRepository) {
        project = repository.project.dialect.flatMap { SQLDialect(rawValue: $0.lowercased()) }
        var candidates: [String: Set<SQLDialect>] = [:]
        for environment in repository.environments {
            for (name, mapping) in environment.datasources {
                guard let dialect = mapping.type.flatMap(Self.dialect(of:)) else { continue }
                candidates[name, default: []].insert(dialect)
            }
        }
        projectDatasource = repository.project.defaults.datasource?.value
        byDatasource = candidates.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    func dialect(for task: TaskSpec, in workflow: WorkflowSpec) -> SQLDialect {
        if let project { return project }
        let datasource = task.settings.datasource?.value ?? workflow.defaults.datasource?.value ?? projectDatasource
        return datasource.flatMap { byDatasource[$0] } ?? .generic
    }

    private static func dialect(of type: DbType) -> SQLDialect? {
        switch type {
        case .MYSQL, .DORIS, .STARROCKS, .OCEANBASE: .mysql
        case .POSTGRESQL, .REDSHIFT: .postgres
        case .HIVE, .KYUUBI: .hive
        case .SPARK: .spark
        case .SQLITE: .sqlite
        default: nil
        }
    }
}

extension LoadedRepository {
    /// `infer:` of the task, else its workflow's defaults, else the project's (default true).
    func infers(_ task: TaskSpec, in workflow: WorkflowSpec) -> Bool {
        task.settings.infer ?? workflow.defaults.infer ?? project.defaults.infer ?? project.infer ?? true
    }
}
