/// Everything read from a spec repository (working tree or revision), plus what went wrong reading it.
public struct LoadedRepository: Hashable, Sendable {
    public var revision: SourceRevision
    public var project: ProjectSettings
    /// Sorted by name.
    public var workflows: [WorkflowSpec]
    /// Sorted by name.
    public var environments: [EnvironmentSpec]
    public var diagnostics: [Diagnostic]

    public init(revision: SourceRevision, project: ProjectSettings, workflows: [WorkflowSpec],
                environments: [EnvironmentSpec], diagnostics: [Diagnostic]) {
        self.revision = revision
        self.project = project
        self.workflows = workflows
        self.environments = environments
        self.diagnostics = diagnostics
    }

    public func workflow(named name: String) -> WorkflowSpec? { workflows.first { $0.name == name } }
    public func environment(named name: String) -> EnvironmentSpec? { environments.first { $0.name == name } }
}
