import DagforgeWire

/// Picks the runner for a task type. CONDITIONS, SWITCH, DEPENDENT and SUB_PROCESS are decided by the executor
/// with ``ConditionsEvaluator``, ``SwitchEvaluator``, ``DependentEvaluator`` and a child instance; every other
/// type without a runner here fails with a message pointing to a DolphinScheduler cluster.
public struct TaskRunners: Sendable {
    public static let logicTaskTypes: Set<String> = [
        TaskType.conditions, TaskType.switch, TaskType.dependent, TaskType.subProcess,
    ]

    private let sql: SqlTaskRunner

    public init(sqlConnection: @escaping SqlTaskRunner.ConnectionLookup) {
        sql = SqlTaskRunner(connection: sqlConnection)
    }

    public func runner(for taskType: String) -> any TaskRunner {
        switch taskType {
        case TaskType.shell: ShellTaskRunner()
        case TaskType.python: PythonTaskRunner()
        case TaskType.sql: sql
        case TaskType.http: HttpTaskRunner()
        default: UnsupportedTaskRunner()
        }
    }
}

/// Fails a task whose type the included engine does not run.
public struct UnsupportedTaskRunner: TaskRunner {
    public init() {}

    public func run(_ task: TaskRun) async -> TaskOutcome {
        let message = "task type \(task.taskType) does not run in dagforge's included engine; "
            + "deploy this workflow to a DolphinScheduler cluster to run it"
        task.log.error(message)
        return .failure(message, varPool: task.varPool)
    }
}
