extension DirectedGraph {
    /// Strongly connected components with more than one node (Tarjan's algorithm, iterative so deep
    /// graphs cannot overflow the stack). Each component is sorted; components are ordered by first node.
    public func cyclicComponents() -> [[Node]] {
        var index: [Node: Int] = [:]
        var lowLink: [Node: Int] = [:]
        var onStack: Set<Node> = []
        var stack: [Node] = []
        var components: [[Node]] = []
        var counter = 0

        for root in sortedNodes where index[root] == nil {
            // Each frame: a node and its remaining successors.
            var frames: [(node: Node, pending: [Node])] = []
            func open(_ node: Node) {
                index[node] = counter
                lowLink[node] = counter
                counter += 1
                stack.append(node)
                onStack.insert(node)
                frames.append((node, successors(of: node).reversed()))
            }
            open(root)
            while !frames.isEmpty {
                let node = frames[frames.count - 1].node
                if let next = frames[frames.count - 1].pending.popLast() {
                    if index[next] == nil {
                        open(next)
                    } else if onStack.contains(next) {
                        lowLink[node] = min(lowLink[node]!, index[next]!)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent]!, lowLink[node]!) }
                guard lowLink[node] == index[node] else { continue }
                var component: [Node] = []
                while let member = stack.popLast() {
                    onStack.remove(member)
                    component.append(member)
                    if member == node { break }
                }
                if component.count > 1 { components.append(component.sorted()) }
            }
        }
        return components.sorted { $0[0] < $1[0] }
    }

    /// One cycle through `start` inside `component`, as the nodes in order (shortest, found breadth-first).
    /// The cycle starts at `start`, so output is stable when `start` is the component's smallest node.
    public func cycle(through start: Node, within component: Set<Node>) -> [Node] {
        var previous: [Node: Node] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in successors(of: node) where component.contains(next) {
                if next == start {
                    var path = [node]
                    while let before = previous[path[0]] { path.insert(before, at: 0) }
                    return path
                }
                if previous[next] == nil, next != start {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return [start]
    }
}
