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
        let affected = Set(impact.tasks)
        var kept = Set(impact.workflows)
        for task in affected { kept.formUnion(dependencies.graph.ancestors(of: task).map(\.workflow)) }
        var scope = repository
        scope.workflows = repository.workflows.filter { kept.contains($0.name) }
        scope.diagnostics = repository.diagnostics.filter(impact.covers)
        return Compiler(repository: scope, inferredEdges: inferredEdges(among: kept))
            .validate(environments: names, processEnvironment: processEnvironment)
            .filter(impact.covers)
    }

    /// The inferred edges of `dependencies` between tasks of `workflows`, handed on to the scoped compiler.
    private func inferredEdges(among workflows: Set<String>) -> [InferredEdge] {
        dependencies.origins.flatMap { edge, origins -> [InferredEdge] in
            guard workflows.contains(edge.from.workflow), workflows.contains(edge.to.workflow) else { return [] }
            return origins.compactMap { origin in
                guard case .inferred(let table, let read, let written) = origin else { return nil }
                return InferredEdge(upstream: edge.from, downstream: edge.to, table: table, read: read, written: written)
            }
        }
    }
}
