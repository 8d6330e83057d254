extension DirectedGraph {
    /// Every node reachable from `start` by following edges forward (downstream), `start` excluded.
    public func descendants(of start: Node) -> Set<Node> { reach(from: start, along: successors) }

    /// Every node from which `start` is reachable (upstream), `start` excluded.
    public func ancestors(of start: Node) -> Set<Node> { reach(from: start, along: predecessors) }

    private func reach(from start: Node, along adjacency: [Node: Set<Node>]) -> Set<Node> {
        var seen: Set<Node> = []
        var pending = [start]
        while let node = pending.popLast() {
            for next in adjacency[node] ?? [] where seen.insert(next).inserted { pending.append(next) }
        }
        seen.remove(start)
        return seen
    }
}
