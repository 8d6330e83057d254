import DagforgeWire

/// One item of `workflow.yaml`'s `tasks:` as written: an extra task (with `type`) or the override of a
/// task file (without). `WorkflowAssembler` turns it into a `TaskSpec`.
struct TaskEntry: TaskSettingsCarrier {
    var name: Located<String>?
    var type: Located<String>?
    var settings = TaskSettings()
    var range: SourceRange
    // Script and SQL bodies, inline or from a file next to workflow.yaml.
    var sql: SpecNode?
    var command: SpecNode?
    var file: Located<String>?
    // dependent
    var on: [Located<String>] = []
    var cycle = "day"
    var date = "today"
    var relation = DependentRelation.AND
    // sub_process
    var workflow: Located<String>?
    // conditions
    var success: [Located<String>] = []
    var failed: [Located<String>] = []
    // switch
    var cases: [SwitchTask.Case] = []
    var defaultBranch: Located<String>?
    // http
    var url: Located<String>?
    var method = HttpMethod.GET
    var headers: [String: String] = [:]
    var query: [String: String] = [:]
    var body: String?
    var expectStatus: Int?
    var expectBodyContains: String?
    // pass-through
    var params: JSONValue?

    init(range: SourceRange) { self.range = range }

    /// Type names written in lower case; any upper-case name is a DolphinScheduler task type passed through.
    static let builtInTypes = ["sql", "shell", "python", "dependent", "sub_process", "conditions", "switch", "http"]
}
