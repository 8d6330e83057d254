extension DirectedGraph {
    /// Strongly connected components with more than one node (Tarjan's algorithm, iterative so deep
    /// graphs cannot overflow the stack). Each component is sorted; components are ordered by first node.
    /// The components do not depend on the order nodes are visited in.
    public func cyclicComponents() -> [[Node]] {
        let nodeList = nodes
        let adjacency = nodeList.indices.map { successorIDs(of: $0) }
        let unvisited = -1
        var index = [Int](repeating: unvisited, count: nodeList.count)
        var lowLink = [Int](repeating: 0, count: nodeList.count)
        var onStack = [Bool](repeating: false, count: nodeList.count)
        var stack: [Int] = []
        var components: [[Node]] = []
        var counter = 0

        for root in nodeList.indices where index[root] == unvisited {
            // Each frame: a node and how many of its successors have been looked at.
            var frames: [(node: Int, next: Int)] = []
            func open(_ node: Int) {
                index[node] = counter
                lowLink[node] = counter
                counter += 1
                stack.append(node)
                onStack[node] = true
                frames.append((node, 0))
            }
            open(root)
            while let (node, position) = frames.last {
                if position < adjacency[node].count {
                    frames[frames.count - 1].next += 1
                    let next = Int(adjacency[node][position])
                    if index[next] == unvisited {
                        open(next)
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                var component: [Node] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(nodeList[member])
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
