/// One task of a workflow: a task file (`load_cases.sql`) or an entry of `workflow.yaml`'s `tasks:`.
public struct TaskSpec: Hashable, Sendable {
    public var address: TaskAddress
    /// Where the name was declared (the file's first line, a `-- name:` header, or the YAML `name:`).
    public var declaration: SourceRange
    public var kind: TaskKind
    public var settings: TaskSettings
    /// The file the task comes from (`workflows/pv/load.sql` or `workflows/pv/workflow.yaml`).
    public var sourcePath: String
    /// Present for task files.
    public var header: TaskHeader?

    public init(address: TaskAddress, declaration: SourceRange, kind: TaskKind, settings: TaskSettings,
                sourcePath: String, header: TaskHeader? = nil) {
        self.address = address
        self.declaration = declaration
        self.kind = kind
        self.settings = settings
        self.sourcePath = sourcePath
        self.header = header
    }

    public var name: String { address.task }
    public var workflow: String { address.workflow }
}
