/// A directed graph as a plain value. Knows nothing about tasks; queries live in their own files (strongly
/// connected components, topological order, reachability).
///
/// Each node gets a dense integer id when it is first added, and edges are kept as lists of ids: a node is
/// hashed once per lookup by value, and walks over the graph follow integers. At 40,000 task addresses
/// (two strings each), hashing nodes on every edge step was most of resolving and inferring.
public struct DirectedGraph<Node: Hashable & Comparable & Sendable>: Sendable {
    public struct Edge: Hashable, Sendable, Comparable {
        public var from: Node
        public var to: Node

        public init(from: Node, to: Node) {
            self.from = from
            self.to = to
        }

        public static func < (lhs: Edge, rhs: Edge) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
    }

    /// The nodes in the order they were added: a node's id is its index here.
    public private(set) var nodes: [Node] = []
    private var ids: [Node: Int] = [:]
    private var successorIDs: [[Int32]] = []
    private var predecessorIDs: [[Int32]] = []

    public init() {}

    public var nodeCount: Int { nodes.count }

    public func contains(_ node: Node) -> Bool { ids[node] != nil }

    /// The id of `node`, or nil when the graph does not hold it.
    public func id(of node: Node) -> Int? { ids[node] }

    /// Adds `node` if it is new; its id either way.
    @discardableResult
    public mutating func add(_ node: Node) -> Int {
        if let known = ids[node] { return known }
        let id = nodes.count
        nodes.append(node)
        ids[node] = id
        successorIDs.append([])
        predecessorIDs.append([])
        return id
    }

    /// Adds the edge and its nodes; the ids of its two ends.
    @discardableResult
    public mutating func add(_ edge: Edge) -> (from: Int, to: Int) {
        let from = add(edge.from), to = add(edge.to)
        addEdge(from: from, to: to)
        return (from, to)
    }

    /// Adds an edge between two nodes the graph holds, by id.
    public mutating func addEdge(from: Int, to: Int) {
        // Out-degrees are small (a task's downstreams), so a scan beats a set per node.
        if !successorIDs[from].contains(Int32(to)) {
            successorIDs[from].append(Int32(to))
            predecessorIDs[to].append(Int32(from))
        }
    }

    /// Makes room for `count` nodes in all, so that adding them never rehashes.
    public mutating func reserveCapacity(_ count: Int) {
        nodes.reserveCapacity(count)
        ids.reserveCapacity(count)
        successorIDs.reserveCapacity(count)
        predecessorIDs.reserveCapacity(count)
    }

    /// Ids of the nodes `id` points at, in the order the edges were added.
    public func successorIDs(of id: Int) -> [Int32] { successorIDs[id] }

    /// Ids of the nodes pointing at `id`, in the order the edges were added.
    public func predecessorIDs(of id: Int) -> [Int32] { predecessorIDs[id] }

    /// Every edge, sorted.
    public var edges: [Edge] {
        nodes.indices.flatMap { from in successorIDs[from].map { Edge(from: nodes[from], to: nodes[Int($0)]) } }.sorted()
    }

    public func successors(of node: Node) -> [Node] { neighbours(of: node, in: successorIDs) }
    public func predecessors(of node: Node) -> [Node] { neighbours(of: node, in: predecessorIDs) }

    public func contains(_ edge: Edge) -> Bool {
        guard let from = ids[edge.from], let to = ids[edge.to] else { return false }
        return successorIDs[from].contains(Int32(to))
    }

    /// Sorted.
    private func neighbours(of node: Node, in adjacency: [[Int32]]) -> [Node] {
        guard let id = ids[node] else { return [] }
        return adjacency[id].map { nodes[Int($0)] }.sorted()
    }
}

/// Two graphs are equal when they hold the same nodes and edges, whatever order they were added in.
extension DirectedGraph: Hashable {
    public static func == (lhs: DirectedGraph, rhs: DirectedGraph) -> Bool {
        lhs.nodes.count == rhs.nodes.count && Set(lhs.nodes) == Set(rhs.nodes) && lhs.edges == rhs.edges
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nodes.count)
        hasher.combine(successorIDs.reduce(0) { $0 + $1.count })
    }
}
