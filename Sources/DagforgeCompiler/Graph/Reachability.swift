extension DirectedGraph {
    /// Every node reachable from `start` by following edges forward (downstream), `start` excluded.
    public func descendants(of start: Node) -> Set<Node> { nodes(reachedFrom: [start], forward: true, keepingStarts: false) }

    /// Every node from which `start` is reachable (upstream), `start` excluded.
    public func ancestors(of start: Node) -> Set<Node> { nodes(reachedFrom: [start], forward: false, keepingStarts: false) }

    /// Every node reachable downstream from any of `starts`, the starts excluded unless reached again.
    public func descendants(ofAny starts: some Sequence<Node>) -> Set<Node> {
        nodes(reachedFrom: starts, forward: true, keepingStarts: true)
    }

    /// Ids of every node reachable from `starts` (ids), the starts excluded unless reached again.
    public func ids(reachedFrom starts: some Sequence<Int>, forward: Bool) -> [Int] {
        var seen = [Bool](repeating: false, count: nodeCount)
        var reached: [Int] = []
        var pending = Array(starts)
        while let id = pending.popLast() {
            for next in forward ? successorIDs(of: id) : predecessorIDs(of: id) where !seen[Int(next)] {
                seen[Int(next)] = true
                reached.append(Int(next))
                pending.append(Int(next))
            }
        }
        return reached
    }

    private func nodes(reachedFrom starts: some Sequence<Node>, forward: Bool, keepingStarts: Bool) -> Set<Node> {
        let startIDs = starts.compactMap { id(of: $0) }
        var result = Set(ids(reachedFrom: startIDs, forward: forward).map { nodes[$0] })
        if !keepingStarts { for start in startIDs { result.remove(nodes[start]) } }
        return result
    }
}
