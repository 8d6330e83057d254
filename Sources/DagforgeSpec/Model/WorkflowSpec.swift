import DagforgeWire

/// One workflow: a folder under `workflows/`, named after the folder, with its task files and optional
/// `workflow.yaml`.
public struct WorkflowSpec: Hashable, Sendable {
    public struct Parameter: Hashable, Sendable {
        public var name: Located<String>
        public var value: Located<String>
    }

    public var name: String
    /// `workflows/<name>`.
    public var path: String
    public var description: String
    public var schedule: WorkflowSchedule?
    /// DolphinScheduler global params, in the order written.
    public var params: [Parameter]
    public var defaults: TaskSettings
    public var executionType: ProcessExecutionType?
    /// Minutes; 0 = none.
    public var timeout: Int
    /// Sorted by name.
    public var tasks: [TaskSpec]
    /// Where the workflow is declared: its `workflow.yaml`, or its first task file.
    public var declaration: SourceRange

    public init(name: String, path: String, description: String = "", schedule: WorkflowSchedule? = nil,
                params: [Parameter] = [], defaults: TaskSettings = TaskSettings(),
                executionType: ProcessExecutionType? = nil, timeout: Int = 0, tasks: [TaskSpec],
                declaration: SourceRange) {
        self.name = name
        self.path = path
        self.description = description
        self.schedule = schedule
        self.params = params
        self.defaults = defaults
        self.executionType = executionType
        self.timeout = timeout
        self.tasks = tasks
        self.declaration = declaration
    }

    public func task(named name: String) -> TaskSpec? { tasks.first { $0.name == name } }
}
