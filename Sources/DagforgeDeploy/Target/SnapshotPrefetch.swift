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

    /// A prefetch started before the specs are loaded, from the working tree's `dagforge.yaml` and the
    /// environment's file alone, so the engine answers `/all` while the workflows load and compile (the
    /// engine's side of a no-op plan can take as long as loading them). Like any prefetch it is used only when
    /// the compiled target names the same engine and project.
    public init(workingTree root: String, environment: String, cacheDirectory: String? = nil) {
        let paths = ["dagforge.yaml", "environments/\(environment).yaml", "environments/\(environment).yml"]
        let files = paths.compactMap { path in
            (try? FileBytes.read(root + "/" + path).get()).map { SpecFile(path: path, contents: $0) }
        }
        let settings = SpecLoader.load(files: files, revision: SourceRevision(commit: nil, isDirty: false, requested: "working tree"))
        self.init(repository: settings, environment: environment, cacheDirectory: cacheDirectory)
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
