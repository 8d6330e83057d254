/// The `-- key: value` / `# key: value` lines at the top of a task file, and the body after them.
/// The header is a superset of DolphinScheduler's SQL-import hints (`-- name:`, `-- upstream:`,
/// `-- datasource:`); the deployed text is `body`, without the header.
public struct TaskHeader: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: Located<String>
        public var value: Located<String>
    }

    public var entries: [Entry]
    /// The file's text after the header (a shebang line is kept).
    public var body: TaskText

    public init(entries: [Entry], body: TaskText) {
        self.entries = entries
        self.body = body
    }
}
