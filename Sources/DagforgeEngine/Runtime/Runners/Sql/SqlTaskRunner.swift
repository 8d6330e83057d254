import DagforgeWire
import Foundation

/// SQL tasks on SQLITE and POSTGRESQL datasources: pre-statements, the main SQL (a query's rows logged up to
/// `displayRows`, or non-query statements in order) and post-statements, in one transaction; OUT parameters
/// come from the result. Other database types fail with a pointer to a DolphinScheduler cluster.
public struct SqlTaskRunner: TaskRunner {
    /// Finds the connection for a datasource id and DbType name; throws when it does not exist.
    public typealias ConnectionLookup = @Sendable (_ datasourceId: Int, _ type: String) async throws -> SqlConnection

    /// DolphinScheduler's default row limit for a query.
    static let defaultLimit = 10_000
    static let defaultDisplayRows = 10

    private let connection: ConnectionLookup

    public init(connection: @escaping ConnectionLookup) {
        self.connection = connection
    }

    public func run(_ task: TaskRun) async -> TaskOutcome {
        let log = task.log
        let parameters: SqlParameters
        do {
            parameters = try task.taskParams.decode(as: SqlParameters.self)
        } catch {
            return fail(task, "taskParams of an SQL task cannot be read: \(error)")
        }
        guard !parameters.sql.isEmpty, parameters.datasource != 0, !parameters.type.isEmpty else {
            return fail(task, "an SQL task needs type, datasource and sql")
        }
        guard parameters.type == DbType.SQLITE.rawValue || parameters.type == DbType.POSTGRESQL.rawValue else {
            return fail(task, "SQL on \(parameters.type) datasources does not run in dagforge's engine; "
                + "run this workflow on a DolphinScheduler cluster (supported here: SQLITE, POSTGRESQL)")
        }
        let executor: any SqlExecutor
        do {
            switch try await connection(parameters.datasource, parameters.type) {
            case .sqlite(let path): executor = SqliteSqlExecutor(path: path)
            case .postgres(let settings): executor = PostgresSqlExecutor(settings: settings)
            }
        } catch {
            return fail(task, "datasource \(parameters.datasource) (\(parameters.type)) is not available: \(error)")
        }
        let plan: SqlPlan
        do throws(ParameterError) {
            plan = try makePlan(parameters, task: task, placeholders: executor.placeholders)
        } catch {
            return fail(task, "parameter error: \(error.message)")
        }
        if plan.isQuery && plan.main.count > 1 {
            log.info("only the first of \(plan.main.count) statements runs in a query task, as in DolphinScheduler")
        }
        let outcome = await withTimeout(task.timeout, log: log) {
            try await executor.execute(plan, log: log)
        }
        switch outcome {
        case .finished(let result):
            let out = SqlOutParameters.values(for: task.localParams, result: result, isQuery: plan.isQuery)
            log.info("SQL task succeeded")
            return TaskOutcome(status: .SUCCESS, varPool: VarPool.merge([task.varPool, out]), exitCode: 0)
        case .failed(let error):
            return fail(task, "SQL failed, transaction rolled back: \(error)")
        case .timedOut:
            return fail(task, "SQL timed out, transaction rolled back")
        case .cancelled:
            log.info("task stopped; transaction rolled back")
            return TaskOutcome(status: .KILL, varPool: task.varPool, message: "stopped")
        }
    }

    private func makePlan(_ parameters: SqlParameters, task: TaskRun,
                          placeholders: SqlStatementBinder.Placeholders) throws(ParameterError) -> SqlPlan {
        let binder = SqlStatementBinder(parameters: task.parameters, placeholders: placeholders)
        func bind(_ texts: [String]) throws(ParameterError) -> [BoundStatement] {
            var bound: [BoundStatement] = []
            for text in texts.flatMap(SqlStatementSplitter.split) { bound.append(try binder.bind(text)) }
            return bound
        }
        let listColumns = Set(task.localParams.filter { $0.direct == .OUT && $0.type == .LIST }.map(\.prop))
        return SqlPlan(
            pre: try bind(parameters.preStatements), main: try bind([parameters.sql]),
            post: try bind(parameters.postStatements), isQuery: parameters.sqlType == 0,
            displayRows: parameters.displayRows > 0 ? parameters.displayRows : Self.defaultDisplayRows,
            limit: Self.defaultLimit, listColumns: listColumns)
    }

    private func fail(_ task: TaskRun, _ message: String) -> TaskOutcome {
        task.log.error(message)
        return .failure(message, varPool: task.varPool)
    }
}
