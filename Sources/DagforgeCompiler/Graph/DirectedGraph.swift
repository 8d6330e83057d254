/// A directed graph as a plain value: nodes and successor sets. Knows nothing about tasks; queries live in
/// their own files (strongly connected components, topological order, reachability).
public struct DirectedGraph<Node: Hashable & Comparable & Sendable>: Hashable, Sendable {
    public struct Edge: Hashable, Sendable, Comparable {
        public var from: Node
        public var to: Node

        public init(from: Node, to: Node) {
            self.from = from
            self.to = to
        }

        public static func < (lhs: Edge, rhs: Edge) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
    }

    public private(set) var nodes: Set<Node> = []
    public private(set) var successors: [Node: Set<Node>] = [:]
    public private(set) var predecessors: [Node: Set<Node>] = [:]

    public init() {}

    public mutating func add(_ node: Node) { nodes.insert(node) }

    public mutating func add(_ edge: Edge) {
        nodes.insert(edge.from)
        nodes.insert(edge.to)
        successors[edge.from, default: []].insert(edge.to)
        predecessors[edge.to, default: []].insert(edge.from)
    }

    public var sortedNodes: [Node] { nodes.sorted() }

    /// Every edge, sorted.
    public var edges: [Edge] {
        successors.flatMap { from, targets in targets.map { Edge(from: from, to: $0) } }.sorted()
    }

    public func successors(of node: Node) -> [Node] { (successors[node] ?? []).sorted() }
    public func predecessors(of node: Node) -> [Node] { (predecessors[node] ?? []).sorted() }

    public func contains(_ edge: Edge) -> Bool { successors[edge.from]?.contains(edge.to) ?? false }

    /// The subgraph of the given nodes and the edges between them.
    public func restricted(to kept: Set<Node>) -> DirectedGraph {
        var result = DirectedGraph()
        for node in nodes where kept.contains(node) {
            result.add(node)
            for next in successors[node] ?? [] where kept.contains(next) { result.add(Edge(from: node, to: next)) }
        }
        return result
    }
}
