import DagforgeWire

extension DolphinClient {
    /// Reads what plan needs in a handful of calls: projects, then (when the project exists) every DAG
    /// through `/all`, the project's schedules, datasources and environments.
    public func snapshot(projectName: String) async throws -> EngineSnapshot {
        let project = try await listProjects().first { $0.name == projectName }
        async let dataSources = allDataSources()
        async let environments = listEnvironments()
        guard let project else {
            return EngineSnapshot(project: nil, definitions: [], schedules: [], dataSources: try await dataSources,
                                  environments: try await environments)
        }
        async let definitions = allDefinitions(project: project.code)
        async let schedules = listSchedules(project: project.code)
        return EngineSnapshot(project: project, definitions: try await definitions, schedules: try await schedules,
                              dataSources: try await dataSources, environments: try await environments)
    }
}
