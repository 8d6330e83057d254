import DagforgeSpec

/// What every check sees: the loaded repository and its resolved task graph.
public struct CheckInput: Sendable {
    public var repository: LoadedRepository
    public var dependencies: DependencyGraph
    /// What SQL lineage contributed (DF501, DF503, DF504).
    public var inference = LineageInference()
}

/// One rule over the whole repository. Checks never stop each other: all run, all report.
protocol RepositoryCheck: Sendable {
    func check(_ input: CheckInput) -> [Diagnostic]
}

/// One rule over an environment's own settings, against the repository.
protocol EnvironmentCheck: Sendable {
    func check(_ input: CheckInput, environment: EnvironmentSpec) -> [Diagnostic]
}

/// One rule over one workflow as an environment renders it. Runs right after the workflow renders, on the
/// same core, so validation never gathers the renders of the whole repository.
protocol RenderedWorkflowCheck: Sendable {
    func check(_ workflow: RenderedWorkflow, environment: EnvironmentSpec) -> [Diagnostic]
}

/// The list of checks, in reporting order.
enum Checks {
    static let repository: [any RepositoryCheck] = [
        UnknownReferenceCheck(), SelfDependencyCheck(), CycleCheck(), ScheduleCheck(), ProjectSettingsCheck(),
        AmbiguousWriterCheck(), ReadsOwnOutputCheck(), SQLAnalysisWarningCheck(),
    ]

    static let renderedWorkflow: [any RenderedWorkflowCheck] = [DatasourceCheck()]

    static let environment: [any EnvironmentCheck] = [OverrideTargetCheck(), OverrideScheduleCheck()]
}
