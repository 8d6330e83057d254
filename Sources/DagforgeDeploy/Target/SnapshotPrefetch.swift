import DagforgeCompiler
import DagforgeSpec

/// Reads an environment's engine while its workflows compile. Started from the environment file alone
/// (engine connection and project); its snapshot is used only when the compiled target talks to the same
/// engine and project. A prefetch that failed is not reported: the target reads again and reports that.
/// With a cache folder, DAGs whose bytes are unchanged since the last read are not decoded again
/// (`DagSummaryCache`).
public struct SnapshotPrefetch: Sendable {
    private let engine: EngineConnection?
    private let project: String?
    private let reading: Task<EngineSnapshot, any Error>?

    public init(repository: LoadedRepository, environment: String, cacheDirectory: String? = nil) {
        let engine = Compiler.engineConnection(of: repository, environment: environment)
        let project = repository.environment(named: environment)?.project?.value
        self.engine = engine
        self.project = project
        if let engine, let project, !project.isEmpty, let client = DeployTarget.client(for: engine) {
            let cache = cacheDirectory.map {
                DagSummaryCache(directory: $0, environment: environment, engine: engine.url, project: project)
            }
            reading = Task { try await client.snapshot(projectName: project, cache: cache) }
        } else {
            reading = nil
        }
    }

    /// The engine's state for `target`: the prefetched one when it read the same engine and project.
    public func snapshot(for target: DeployTarget) async throws -> EngineSnapshot {
        if let reading, engine == target.engine, project == target.project, let snapshot = try? await reading.value {
            return snapshot
        }
        reading?.cancel()
        return try await target.snapshot()
    }
}
