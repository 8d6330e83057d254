extension DirectedGraph {
    /// Nodes with every node after all its predecessors (Kahn's algorithm in waves: each wave holds the
    /// nodes whose predecessors are all in earlier waves, sorted, so the order is deterministic).
    /// Nodes on cycles are left out.
    public func topologicalOrder() -> [Node] {
        waves().flatMap { $0 }
    }

    /// The longest-path layer of each node (roots are 0), used to lay tasks out on a canvas.
    public func layers() -> [Node: Int] {
        var layer: [Node: Int] = [:]
        for (depth, wave) in waves().enumerated() {
            for node in wave { layer[node] = depth }
        }
        return layer
    }

    private func waves() -> [[Node]] {
        var remaining = nodes.indices.map { predecessorIDs(of: $0).count }
        var wave = nodes.indices.filter { remaining[$0] == 0 }
        var result: [[Node]] = []
        while !wave.isEmpty {
            result.append(wave.map { nodes[$0] }.sorted())
            var next: [Int] = []
            for id in wave {
                for successor in successorIDs(of: id).map(Int.init) {
                    remaining[successor] -= 1
                    if remaining[successor] == 0 { next.append(successor) }
                }
            }
            wave = next
        }
        return result
    }
}
