import DagforgeWire

/// Text taken from a file or a YAML value, with where it starts so positions inside it (template
/// placeholders, SQL lineage) map back to the file.
public struct TaskText: Hashable, Sendable {
    public var text: String
    /// Where `text` begins in its file.
    public var start: SourceRange

    public init(_ text: String, start: SourceRange) {
        self.text = text
        self.start = start
    }
}

/// What a task does, per DolphinScheduler task type.
public enum TaskKind: Hashable, Sendable {
    case sql(TaskText)
    case shell(TaskText)
    case python(TaskText)
    /// Waits for other workflows (or their tasks) to succeed; `on` entries are `workflow` or `workflow/task`.
    case dependent(DependentTask)
    /// Runs another workflow of the same project as a child.
    case subProcess(workflow: Located<String>)
    case conditions(ConditionsTask)
    case `switch`(SwitchTask)
    case http(HTTPTask)
    /// Any other DolphinScheduler task type with its raw `taskParams`.
    case passThrough(type: String, params: JSONValue)

    /// The DolphinScheduler `taskType`.
    public var taskType: String {
        switch self {
        case .sql: TaskType.sql
        case .shell: TaskType.shell
        case .python: TaskType.python
        case .dependent: TaskType.dependent
        case .subProcess: TaskType.subProcess
        case .conditions: TaskType.conditions
        case .switch: TaskType.switch
        case .http: TaskType.http
        case .passThrough(let type, _): type
        }
    }
}

public struct DependentTask: Hashable, Sendable {
    public var on: [Located<String>]
    /// `hour`, `day`, `week`, `month`.
    public var cycle: String
    /// e.g. `today`, `last1Days`.
    public var dateValue: String
    public var relation: DependentRelation

    public init(on: [Located<String>], cycle: String, dateValue: String, relation: DependentRelation) {
        self.on = on
        self.cycle = cycle
        self.dateValue = dateValue
        self.relation = relation
    }
}

public struct ConditionsTask: Hashable, Sendable {
    /// Tasks followed when every upstream succeeded / when one did not.
    public var success: [Located<String>]
    public var failed: [Located<String>]

    public init(success: [Located<String>], failed: [Located<String>]) {
        self.success = success
        self.failed = failed
    }
}

public struct SwitchTask: Hashable, Sendable {
    public struct Case: Hashable, Sendable {
        /// A DolphinScheduler switch condition, e.g. `${region} == 'eu'`.
        public var condition: String
        public var then: Located<String>

        public init(condition: String, then: Located<String>) {
            self.condition = condition
            self.then = then
        }
    }

    public var cases: [Case]
    public var defaultBranch: Located<String>?

    public init(cases: [Case], defaultBranch: Located<String>?) {
        self.cases = cases
        self.defaultBranch = defaultBranch
    }
}

public struct HTTPTask: Hashable, Sendable {
    public var url: Located<String>
    public var method: HttpMethod
    public var headers: [String: String]
    public var query: [String: String]
    public var body: String?
    /// Expected status code; nil = DolphinScheduler's default (200).
    public var expectStatus: Int?
    public var expectBodyContains: String?
}
