import Foundation
import DagforgeSpec

extension Compiler {
    /// The diagnostics `validate(environments:processEnvironment:)` would report that `impact` covers,
    /// computed by rendering only the affected workflows and what they depend on (their upstream
    /// workflows, so every reference resolves exactly as in the whole repository). Rendering is most of
    /// validation's cost after loading, so checking a small change in a large repository stays quick.
    public func validate(_ impact: ChangeImpact, environments names: [String]? = nil,
                         processEnvironment: [String: String] = ProcessInfo.processInfo.environment) -> [Diagnostic] {
        guard !impact.affectsEverything else {
            return validate(environments: names, processEnvironment: processEnvironment).filter(impact.covers)
        }
        let kept = dependencies.workflows(neededToCheck: impact)
        var scope = repository
        scope.workflows = repository.workflows.filter { kept.contains($0.name) }
        return Self.validate(impact, scope: scope, inferredEdges: dependencies.inferredEdges(among: kept),
                             environments: names, processEnvironment: processEnvironment)
    }

    /// Validates `scope` (the workflows an impact needs, fully loaded, and the loading diagnostics) and keeps
    /// what `impact` covers.
    static func validate(_ impact: ChangeImpact, scope: LoadedRepository, inferredEdges: [InferredEdge],
                         environments names: [String]?, processEnvironment: [String: String]) -> [Diagnostic] {
        var scope = scope
        scope.diagnostics = scope.diagnostics.filter(impact.covers)
        return Compiler(repository: scope, inferredEdges: inferredEdges)
            .validate(environments: names, processEnvironment: processEnvironment)
            .filter(impact.covers)
    }
}

extension DependencyGraph {
    /// The affected workflows and every workflow an affected task depends on.
    public func workflows(neededToCheck impact: ChangeImpact) -> Set<String> {
        let affected = impact.tasks.compactMap { graph.id(of: $0) }
        return Set(impact.workflows).union(graph.ids(reachedFrom: affected, forward: false).map { graph.nodes[$0].workflow })
    }

    /// The inferred edges between tasks of `workflows`, handed on to a scoped compiler.
    func inferredEdges(among workflows: Set<String>) -> [InferredEdge] {
        let ids = graph.nodes.indices.filter { workflows.contains(graph.nodes[$0].workflow) }
        return outgoingOrigins(ofIDs: ids).flatMap { edge, origins -> [InferredEdge] in
            guard workflows.contains(edge.to.workflow) else { return [] }
            return origins.compactMap { origin in
                guard case .inferred(let table, let read, let written) = origin else { return nil }
                return InferredEdge(upstream: edge.from, downstream: edge.to, table: table, read: read, written: written)
            }
        }
    }
}
