import DagforgeSpec

/// A workflow as one environment sees it: effective settings, templates filled in, schedule merged.
public struct RenderedWorkflow: Hashable, Sendable {
    public var spec: WorkflowSpec
    public var tasks: [RenderedTask]
    public var schedule: WorkflowSchedule?
    /// Global params after the environment's overrides, in order.
    public var params: [(name: String, value: String)] { parameterList.map { ($0.name, $0.value) } }
    var parameterList: [Parameter]

    struct Parameter: Hashable, Sendable {
        var name: String
        var value: String
    }
}

public struct RenderedTask: Hashable, Sendable {
    public var spec: TaskSpec
    /// Project defaults ← workflow defaults ← environment defaults ← the task ← the environment's task override.
    public var settings: TaskSettings
    /// The kind with every text rendered (SQL without its header, scripts, URLs, raw params).
    public var kind: TaskKind
    /// The engine datasource for SQL tasks, when the environment maps the logical name.
    public var datasource: DatasourceMapping?
}

/// How to reach an environment's engine, with secrets filled in from the process environment.
public struct EngineConnection: Hashable, Sendable {
    public enum Authentication: Hashable, Sendable {
        case token(String)
        case credentials(user: String, password: String)
    }

    public var url: String
    public var authentication: Authentication?
    public var api: EngineSettings.APIVersion
}
