import DagforgeSpec

/// DF301 (DF502 when an inferred edge is involved): every dependency cycle, within a workflow or across
/// workflows. One diagnostic per strongly connected component, at the edge that closes the cycle, with a
/// note per edge saying where it came from.
struct CycleCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        let dependencies = input.dependencies
        return dependencies.graph.cyclicComponents().map { component in
            let cycle = dependencies.graph.cycle(through: component[0], within: Set(component))
            let edges = cycle.indices.map { DependencyGraph.Edge(from: cycle[$0], to: cycle[($0 + 1) % cycle.count]) }
            var notes = edges.map { edge in
                Diagnostic.Note("\(edge.from) → \(edge.to): \(dependencies.origin(of: edge)?.explanation ?? "edge")",
                                at: dependencies.origin(of: edge)?.range)
            }
            let others = component.filter { !cycle.contains($0) }
            if !others.isEmpty {
                notes.append(.init("also on intertwined cycles: \(others.map(\.description).joined(separator: ", "))"))
            }
            let inferredTables = edges.filter { dependencies.origins(of: $0).allSatisfy(\.isInferred) }
                .flatMap { dependencies.origins(of: $0).compactMap(\.table) }
            let inferred = !inferredTables.isEmpty
            let closing = edges[edges.count - 1]
            let path = (cycle + [cycle[0]]).map(\.description).joined(separator: " → ")
            let through = inferred ? " (inferred from table \(Set(inferredTables).sorted().map { "'\($0)'" }.joined(separator: ", ")))" : ""
            return Diagnostic(.error, inferred ? "DF502" : "DF301", "dependency cycle: \(path)\(through)",
                              hint: inferred ? "Remove one of the edges, or set `infer: false` on one of the tasks."
                                  : "Remove one of the listed edges.",
                              at: dependencies.origin(of: closing)?.range, notes: notes,
                              workflow: closing.to.workflow, task: closing.to.task)
        }
    }
}
