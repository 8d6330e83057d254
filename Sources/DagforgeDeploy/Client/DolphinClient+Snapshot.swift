import DagforgeWire

extension DolphinClient {
    /// Reads what plan needs in a handful of calls: projects, then (when the project exists) every DAG
    /// through `/all` (with `cache`, decoding only the DAGs whose bytes changed), the project's schedules,
    /// datasources and environments.
    public func snapshot(projectName: String, cache: DagSummaryCache? = nil) async throws -> EngineSnapshot {
        let project = try await listProjects().first { $0.name == projectName }
        async let dataSources = allDataSources()
        async let environments = listEnvironments()
        guard let project else {
            return EngineSnapshot(project: nil, deployed: [], schedules: [], dataSources: try await dataSources,
                                  environments: try await environments)
        }
        async let definitions = deployedDefinitions(project: project.code, cache: cache)
        async let schedules = listSchedules(project: project.code)
        return EngineSnapshot(project: project, deployed: try await definitions, schedules: try await schedules,
                              dataSources: try await dataSources, environments: try await environments)
    }
}
