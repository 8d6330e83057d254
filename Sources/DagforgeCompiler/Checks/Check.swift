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

/// One rule over how the repository renders in one environment.
protocol EnvironmentCheck: Sendable {
    func check(_ input: CheckInput, environment: EnvironmentSpec, rendered: [RenderedWorkflow]) -> [Diagnostic]
}

/// The list of checks, in reporting order.
enum Checks {
    static let repository: [any RepositoryCheck] = [
        UnknownReferenceCheck(), SelfDependencyCheck(), CycleCheck(), ScheduleCheck(), ProjectSettingsCheck(),
        AmbiguousWriterCheck(), ReadsOwnOutputCheck(), SQLAnalysisWarningCheck(),
    ]

    static let environment: [any EnvironmentCheck] = [
        DatasourceCheck(), OverrideTargetCheck(), OverrideScheduleCheck(),
    ]
}
