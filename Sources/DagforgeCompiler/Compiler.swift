import DagforgeSpec
import Foundation

/// The compiler's entry point: resolves the repository once, runs every check, and renders and exports
/// per environment. User mistakes are diagnostics; nothing here throws.
///
/// ```swift
/// let repository = try SpecLoader.load(from: SpecRoot.open(repository: nil, revision: "main"))
/// let compiler = Compiler(repository: repository)
/// let result = compiler.compile(environment: "prod")
/// ```
public struct Compiler: Sendable {
    public let repository: LoadedRepository
    public let dependencies: DependencyGraph
    /// Loading, resolution and repository-wide check diagnostics (the same for every environment).
    public let diagnostics: [Diagnostic]

    /// Tables each SQL task reads and writes, and the repository's table map.
    public let lineage: RepositoryLineage
    /// The edges, ambiguities and warnings SQL lineage contributed to `dependencies`.
    public let inference: LineageInference

    /// Resolves declared edges, infers edges from the SQL tasks' table lineage, and runs every check.
    /// - Parameter inferredEdges: further edges to add as inferred (e.g. from a lineage tool outside dagforge).
    public init(repository: LoadedRepository, inferredEdges: [InferredEdge] = []) {
        self.repository = repository
        // SQL analysis runs on all cores first (a parallel map nested in `concurrently` would get one core).
        (dependencies, lineage, inference) = Self.resolve(repository, analyzed: RepositoryLineage.analyze(repository),
                                                          inferredEdges: inferredEdges)
        let input = CheckInput(repository: repository, dependencies: dependencies, inference: inference)
        diagnostics = repository.diagnostics + Checks.repository.concurrentMap { $0.check(input) }.joined()
    }

    /// The dependency graph of `repository` whose SQL tasks `analyzed` holds (in repository order): declared
    /// edges resolve, then inference adds its edges.
    static func resolve(_ repository: LoadedRepository, analyzed: [TaskLineage], inferredEdges: [InferredEdge])
        -> (DependencyGraph, RepositoryLineage, LineageInference) {
        let resolver = DependencyResolver(repository: repository)
        let declared = resolver.resolve(inferred: inferredEdges)
        let lineage = RepositoryLineage(analyzed: analyzed)
        let inference = LineageInference(lineage, declared: declared.graph)
        return (resolver.adding(inference.edges, to: consume declared), lineage, inference)
    }

    /// Renders and exports every workflow for `environment`. Missing `{{ env.* }}` values are errors here.
    public func compile(environment name: String,
                        processEnvironment: [String: String] = ProcessInfo.processInfo.environment) -> CompilationResult {
        var result = render(environments: [name], processEnvironment: processEnvironment, missingSecretSeverity: .error,
                            rendersTexts: true)[0]
        guard let environment = result.environment else { return result }
        let exporter = DolphinExporter(environment: environment, dependencies: dependencies,
                                       defaultTimezone: repository.project.timezone)
        // Workflows export independently: on all cores.
        result.workflows = result.rendered.concurrentMap { exporter.export($0) }
        return result
    }

    /// Every diagnostic for the given environments (all when nil), deduplicated and sorted. Missing
    /// `{{ env.* }}` values are warnings: validation needs no secrets.
    public func validate(environments names: [String]? = nil,
                         processEnvironment: [String: String] = ProcessInfo.processInfo.environment) -> [Diagnostic] {
        let selected = names ?? repository.environments.map(\.name)
        let perEnvironment = render(environments: selected, processEnvironment: processEnvironment,
                                    missingSecretSeverity: .warning, rendersTexts: false)
        var seen = Set(diagnostics)
        var all = diagnostics
        for diagnostic in perEnvironment.flatMap(\.environmentDiagnostics) where seen.insert(diagnostic).inserted {
            all.append(diagnostic)
        }
        return all.sortedForDisplay()
    }

    /// Convenience: load-to-export in one call.
    public static func compile(_ repository: LoadedRepository, environment: String,
                               inferredEdges: [InferredEdge] = []) -> CompilationResult {
        Compiler(repository: repository, inferredEdges: inferredEdges).compile(environment: environment)
    }

    /// One result per name, in order. The workflows of all environments render in one parallel map of
    /// shares (a parallel map per environment inside another would get one core: libdispatch runs nested
    /// maps on the calling thread), then each environment's checks run.
    private func render(environments names: [String], processEnvironment: [String: String],
                        missingSecretSeverity: Diagnostic.Severity, rendersTexts: Bool) -> [CompilationResult] {
        let renderers = names.map { name in
            repository.environment(named: name).map {
                EnvironmentRenderer(environment: $0, project: repository.project, processEnvironment: processEnvironment,
                                    missingSecretSeverity: missingSecretSeverity, rendersTexts: rendersTexts)
            }
        }
        // Each share: an environment's index and a run of its workflows, rendered with a fresh renderer whose
        // diagnostics and secrets are merged back in order.
        let shares = repository.workflows.chunkedForCores(2 * ProcessInfo.processInfo.activeProcessorCount)
        let work = renderers.indices.flatMap { index in renderers[index] == nil ? [] : shares.map { (index, $0) } }
        let rendered = work.concurrentMap { index, share in
            var part = renderers[index]!.startingFresh()
            return (share.map { part.render($0) }, part)
        }
        var renderedWorkflows = Array(repeating: [RenderedWorkflow](), count: names.count)
        var absorbed = renderers
        for ((index, _), (workflows, part)) in zip(work, rendered) {
            renderedWorkflows[index] += workflows
            absorbed[index]!.absorb(part)
        }
        let byEnvironment = Array(zip(absorbed, renderedWorkflows))
        let input = CheckInput(repository: repository, dependencies: dependencies, inference: inference)
        return Array(names.indices).concurrentMap { index in
            guard var renderer = byEnvironment[index].0 else { return unknownEnvironment(names[index]) }
            let engine = renderer.engineConnection()
            let rendered = byEnvironment[index].1
            let problems = renderer.templates.diagnostics
                + Checks.environment.flatMap { $0.check(input, environment: renderer.environment, rendered: rendered) }
            return CompilationResult(environment: renderer.environment, engine: engine, workflows: [], rendered: rendered,
                                     dependencies: dependencies, repositoryDiagnostics: diagnostics,
                                     environmentDiagnostics: problems, secrets: renderer.templates.secrets)
        }
    }

    private func unknownEnvironment(_ name: String) -> CompilationResult {
        let names = repository.environments.map(\.name)
        let unknown = Diagnostic(.error, "DF402", "unknown environment '\(name)'" + NameSuggestion.phrase(for: name, in: names),
                                 hint: names.isEmpty ? "Create environments/\(name).yaml."
                                     : "Environments: \(names.joined(separator: ", ")); or create environments/\(name).yaml.")
        return CompilationResult(environment: nil, engine: nil, workflows: [], rendered: [], dependencies: dependencies,
                                 repositoryDiagnostics: diagnostics, environmentDiagnostics: [unknown], secrets: [])
    }
}
