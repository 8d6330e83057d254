/// Runs an SQL task's plan against one database in one transaction.
protocol SqlExecutor: Sendable {
    var placeholders: SqlStatementBinder.Placeholders { get }
    /// Runs pre, main and post statements in order, committing only if all succeed. Cancelling the calling task
    /// interrupts the running statement.
    func execute(_ plan: SqlPlan, log: TaskLogWriter) async throws -> SqlResult
}
