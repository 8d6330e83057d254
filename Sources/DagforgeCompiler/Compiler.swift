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
        // Declared edges resolve on one core while SQL analysis runs on all of them.
        let resolver = DependencyResolver(repository: repository)
        let (analyzed, declared) = RepositoryLineage.analyze(repository) { resolver.resolve(inferred: inferredEdges) }
        (dependencies, lineage, inference) = Self.inferring(analyzed, into: declared, resolver: resolver)
        let input = CheckInput(repository: repository, dependencies: dependencies, inference: inference)
        diagnostics = repository.diagnostics + Checks.repository.concurrentMap { $0.check(input) }.joined()
    }

    /// The dependency graph of `repository` whose SQL tasks `analyzed` holds (in repository order): declared
    /// edges resolve, then inference adds its edges.
    static func resolve(_ repository: LoadedRepository, analyzed: [TaskLineage], inferredEdges: [InferredEdge])
        -> (DependencyGraph, RepositoryLineage, LineageInference) {
        let resolver = DependencyResolver(repository: repository)
        return inferring(analyzed, into: resolver.resolve(inferred: inferredEdges), resolver: resolver)
    }

    /// `declared` with the edges SQL lineage infers from the tasks `analyzed` holds.
    private static func inferring(_ analyzed: [TaskLineage], into declared: consuming DependencyGraph,
                                  resolver: DependencyResolver) -> (DependencyGraph, RepositoryLineage, LineageInference) {
        let lineage = RepositoryLineage(analyzed: analyzed)
        let inference = LineageInference(lineage, declared: declared.graph)
        return (resolver.addingInferredFromLineage(inference.edges, to: consume declared), lineage, inference)
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

    /// One result per name, in order. The workflows of all environments render and are checked in one parallel
    /// map of shares (a parallel map per environment inside another would get one core: libdispatch runs
    /// nested maps on the calling thread), then each environment's own checks run. Without `rendersTexts`
    /// (validation) the results hold no renders.
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
        // Validation keeps only the diagnostics: each share's renders are checked and freed on its own core.
        let rendered = work.concurrentMap { index, share in
            var part = renderers[index]!.startingFresh()
            let workflows = share.map { part.render($0) }
            let problems = workflows.flatMap { workflow in
                Checks.renderedWorkflow.flatMap { $0.check(workflow, environment: part.environment) }
            }
            return (rendersTexts ? workflows : [], problems, part)
        }
        var renderedWorkflows = Array(repeating: [RenderedWorkflow](), count: names.count)
        var workflowProblems = Array(repeating: [Diagnostic](), count: names.count)
        var absorbed = renderers
        for ((index, _), (workflows, problems, part)) in zip(work, rendered) {
            renderedWorkflows[index] += workflows
            workflowProblems[index] += problems
            absorbed[index]!.absorb(part)
        }
        let input = CheckInput(repository: repository, dependencies: dependencies, inference: inference)
        return names.indices.map { index in
            guard var renderer = absorbed[index] else { return unknownEnvironment(names[index]) }
            let engine = renderer.engineConnection()
            let problems = renderer.templates.diagnostics + workflowProblems[index]
                + Checks.environment.flatMap { $0.check(input, environment: renderer.environment) }
            return CompilationResult(environment: renderer.environment, engine: engine, workflows: [],
                                     rendered: renderedWorkflows[index], dependencies: dependencies,
                                     repositoryDiagnostics: diagnostics, environmentDiagnostics: problems,
                                     secrets: renderer.templates.secrets)
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
