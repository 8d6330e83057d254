import DagforgeSpec

/// One task reading or writing one table: the qualified table name and where the name is written.
public struct TableUse: Hashable, Sendable {
    public var task: TaskAddress
    /// Lowercase and qualified (`dw.x`), the key readers and writers are matched on.
    public var table: String
    /// The name's position in the task's file (past the stripped header).
    public var range: SourceRange

    public init(task: TaskAddress, table: String, range: SourceRange) {
        self.task = task
        self.table = table
        self.range = range
    }
}
