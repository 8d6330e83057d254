import DagforgeCompiler
import DagforgeSpec

/// One environment ready to deploy: the workflows compiled for it, the engine project they go to, the
/// commit they were compiled from, and a client for the environment's engine. Every command that talks
/// to an engine starts here.
public struct DeployTarget: Sendable {
    public var environment: String
    public var project: String
    /// The commit written into markers: the SHA read, with `+dirty` for a working tree that differs from it.
    public var commit: String
    public var workflows: [CompiledWorkflow]
    public var client: DolphinClient
    /// The engine connection `client` was made from.
    let engine: EngineConnection
    /// The environment's settings (tenant, worker group, datasource mapping) as compiled.
    public var settings: EnvironmentSpec
    private let secrets: Set<String>

    /// Fails when the compilation has errors or the environment names no engine or project.
    public init(compilation: CompilationResult, revision: SourceRevision) throws(DeployTargetError) {
        guard let settings = compilation.environment else { throw .compilationFailed }
        guard !compilation.hasErrors else { throw .compilationFailed }
        guard let engine = compilation.engine else { throw .noEngine(environmentFile: settings.path) }
        guard let project = settings.project?.value, !project.isEmpty else { throw .noProject(environmentFile: settings.path) }
        guard let client = Self.client(for: engine) else { throw .noCredentials(environmentFile: settings.path) }
        self.environment = settings.name
        self.project = project
        self.engine = engine
        self.commit = Self.commit(of: revision)
        self.workflows = compilation.workflows
        self.settings = settings
        self.secrets = compilation.secrets.union(client.configuration.credentials.secretValues)
        self.client = client
    }

    /// A client for `engine`; nil when it has no credentials.
    static func client(for engine: EngineConnection) -> DolphinClient? {
        let credentials: DolphinCredentials
        switch engine.authentication {
        case .token(let token)?: credentials = .token(token)
        case .credentials(let user, let password)?: credentials = .password(user: user, password: password)
        case nil: return nil
        }
        return DolphinClient(configuration: DolphinClientConfiguration(
            baseURL: engine.url, credentials: credentials, apiVersion: engine.api == .v3_3 ? .v3_3 : .v3_2))
    }

    /// `revision.commit`, marked `+dirty` when the working tree differs; `uncommitted` outside git.
    public static func commit(of revision: SourceRevision) -> String {
        guard let sha = revision.commit else { return "uncommitted" }
        return revision.isDirty ? sha + "+dirty" : sha
    }

    /// What the engine holds for this environment's project.
    public func snapshot() async throws -> EngineSnapshot {
        try await client.snapshot(projectName: project)
    }

    /// The plan of this target against `snapshot`.
    public func plan(against snapshot: EngineSnapshot, prune: Bool) throws -> Plan {
        try Planner(environment: environment, project: project, commit: commit, prune: prune)
            .plan(desired: workflows, snapshot: snapshot)
    }

    /// `text` with every secret (values from `{{ env.* }}`, the token, the password) replaced by `***`.
    public func redacting(_ text: String) -> String {
        secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            .reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }
}

extension DolphinCredentials {
    var secretValues: Set<String> {
        switch self {
        case .token(let token): [token]
        case .password(_, let password): [password]
        }
    }
}

/// Why an environment cannot be deployed to.
public enum DeployTargetError: Error, Sendable, CustomStringConvertible {
    /// The specs have errors (printed as diagnostics by the caller).
    case compilationFailed
    case noEngine(environmentFile: String)
    case noProject(environmentFile: String)
    case noCredentials(environmentFile: String)

    public var description: String {
        switch self {
        case .compilationFailed:
            "the specs have errors (listed above); nothing was sent to the engine\nhint: fix them (dagforge validate) and run again"
        case .noEngine(let file):
            "\(file): the environment has no engine\nhint: add `engine: { url: http://host:12345/dolphinscheduler, token: \"{{ env.DS_TOKEN }}\" }`"
        case .noProject(let file):
            "\(file): the environment names no project\nhint: add `project: NAME` (the engine project to deploy into)"
        case .noCredentials(let file):
            "\(file): the engine has no credentials\nhint: add `token: \"{{ env.DS_TOKEN }}\"` or `user:` and `password:` under `engine:`"
        }
    }
}
