/// A cron expression that cannot be parsed: which field, where (1-based column in the expression) and what is wrong.
public struct CronError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Name of the offending field ("seconds", "day-of-month", ...), or "expression" for whole-expression problems.
    public let field: String
    /// 1-based column of the offending text in the original expression.
    public let column: Int
    /// What is wrong and, where it helps, what to write instead.
    public let message: String

    public init(field: String, column: Int, message: String) {
        self.field = field
        self.column = column
        self.message = message
    }

    public var description: String { "column \(column) (\(field)): \(message)" }
}
