import DagforgeWire

/// One deployment target, `environments/<name>.yaml`: the engine to talk to and how specs render there.
public struct EnvironmentSpec: Hashable, Sendable {
    public var name: String
    public var path: String
    public var engine: EngineSettings?
    /// DolphinScheduler project; created if missing.
    public var project: Located<String>?
    public var tenant: String?
    public var workerGroup: String?
    /// Logical datasource name → engine datasource.
    public var datasources: [String: DatasourceMapping]
    /// Values for `{{ name }}` placeholders.
    public var variables: [String: Located<String>]
    /// Whether schedules go ONLINE after deploy (`schedules: enabled|disabled`).
    public var schedulesEnabled: Bool
    public var overrides: [String: WorkflowOverride]
    public var declaration: SourceRange

    public init(name: String, path: String, engine: EngineSettings? = nil, project: Located<String>? = nil,
                tenant: String? = nil, workerGroup: String? = nil, datasources: [String: DatasourceMapping] = [:],
                variables: [String: Located<String>] = [:], schedulesEnabled: Bool = true,
                overrides: [String: WorkflowOverride] = [:], declaration: SourceRange) {
        self.name = name
        self.path = path
        self.engine = engine
        self.project = project
        self.tenant = tenant
        self.workerGroup = workerGroup
        self.datasources = datasources
        self.variables = variables
        self.schedulesEnabled = schedulesEnabled
        self.overrides = overrides
        self.declaration = declaration
    }
}

/// How to reach the environment's engine. Values may hold `{{ env.NAME }}` placeholders (secrets); the
/// compiler renders them.
public struct EngineSettings: Hashable, Sendable {
    public enum Authentication: Hashable, Sendable {
        case token(Located<String>)
        case credentials(user: Located<String>, password: Located<String>)
    }

    public enum APIVersion: String, Hashable, Sendable, CaseIterable {
        /// DolphinScheduler 3.2 paths (`process-definition`).
        case v3_2 = "3.2"
        /// DolphinScheduler 3.3 paths (`workflow-definition`).
        case v3_3 = "3.3"
    }

    public var url: Located<String>
    public var authentication: Authentication?
    public var api: APIVersion
}

/// A logical datasource mapped to the engine's datasource of `name`; `type` when known lets the compiler
/// fill the SQL task's DbType, otherwise the deployer reads it from the engine.
public struct DatasourceMapping: Hashable, Sendable {
    public var name: Located<String>
    public var type: DbType?
}

/// An environment's changes to one workflow.
public struct WorkflowOverride: Hashable, Sendable {
    public var workflow: Located<String>
    public var schedule: WorkflowSchedule?
    public var params: [String: Located<String>]
    public var defaults: TaskSettings
    public var tasks: [String: TaskOverride]
}

public struct TaskOverride: Hashable, Sendable {
    public var task: Located<String>
    public var settings: TaskSettings
}
