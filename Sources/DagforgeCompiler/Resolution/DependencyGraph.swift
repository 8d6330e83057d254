import DagforgeSpec

/// The task graph of a whole repository: nodes are tasks (`workflow/task`), edges point from upstream to
/// downstream, and each edge keeps the origins it was created from. Also records references that could
/// not be resolved, for the checks to report.
public struct DependencyGraph: Hashable, Sendable {
    public typealias Edge = DirectedGraph<TaskAddress>.Edge

    public var graph = DirectedGraph<TaskAddress>()
    /// Side table of edge provenance (one edge may be both declared and inferred), keyed by the ids of the
    /// edge's ends in `graph`.
    private var originsByIDs: [EdgeIDs: [EdgeOrigin]] = [:]
    public var unresolved: [UnresolvedReference] = []
    /// Tasks that list themselves as upstream (kept out of `graph`, reported separately).
    public var selfReferences: [Located<TaskAddress>] = []

    public init() {}

    mutating func add(_ edge: Edge, origin: EdgeOrigin) {
        let ends = graph.add(edge)
        add(from: ends.from, to: ends.to, origin: origin)
    }

    /// Makes room for `tasks` nodes and about as many edges.
    mutating func reserveCapacity(tasks: Int) {
        graph.reserveCapacity(tasks)
        originsByIDs.reserveCapacity(tasks)
    }

    /// Adds the edge between two tasks the graph holds, by id.
    mutating func add(from: Int, to: Int, origin: EdgeOrigin) {
        graph.addEdge(from: from, to: to)
        let key = EdgeIDs((from, to))
        // One lookup of the edge: this runs for each of 40,000 declared and as many inferred edges.
        if let existing = originsByIDs.index(forKey: key) {
            if !originsByIDs.values[existing].contains(origin) { originsByIDs.values[existing].append(origin) }
        } else {
            originsByIDs[key] = [origin]
        }
    }

    /// Why `edge` exists, in the order its origins were found; empty for an edge the graph does not hold.
    public func origins(of edge: Edge) -> [EdgeOrigin] {
        guard let from = graph.id(of: edge.from), let to = graph.id(of: edge.to) else { return [] }
        return originsByIDs[EdgeIDs((from, to))] ?? []
    }

    /// The origins of every edge leaving one of the tasks with the given ids.
    func outgoingOrigins(ofIDs ids: some Sequence<Int>) -> [(edge: Edge, origins: [EdgeOrigin])] {
        ids.flatMap { from in
            graph.successorIDs(of: from).map { to in
                (Edge(from: graph.nodes[from], to: graph.nodes[Int(to)]), originsByIDs[EdgeIDs((from, Int(to)))] ?? [])
            }
        }
    }

    /// Upstream tasks of `task`, sorted.
    public func upstreams(of task: TaskAddress) -> [TaskAddress] { graph.predecessors(of: task) }

    /// The first origin of an edge (declared before inferred).
    public func origin(of edge: Edge) -> EdgeOrigin? {
        origins(of: edge).sorted { !$0.isInferred && $1.isInferred }.first
    }

    public static func == (lhs: DependencyGraph, rhs: DependencyGraph) -> Bool {
        lhs.graph == rhs.graph && lhs.unresolved == rhs.unresolved && lhs.selfReferences == rhs.selfReferences
            && lhs.graph.edges.allSatisfy { lhs.origins(of: $0) == rhs.origins(of: $0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(graph)
        hasher.combine(unresolved)
    }

    /// An edge by the ids of its ends, one integer to hash.
    private struct EdgeIDs: Hashable {
        let packed: Int

        init(_ ids: (from: Int, to: Int)) { packed = ids.from << 32 | ids.to }
    }
}

/// A task or workflow name that does not exist.
public struct UnresolvedReference: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `upstream:` names a task missing from the workflow (DF201).
        case task
        /// `workflow/task`, `on:` or `workflow:` names a missing workflow or a task missing from it (DF202).
        case workflow
        /// Not `task` or `workflow/task` at all.
        case malformed
    }

    public var kind: Kind
    /// The text as written.
    public var reference: Located<String>
    /// The task whose spec contains the reference.
    public var referrer: TaskAddress
    /// Near-miss suggestion, if any.
    public var suggestion: String?
}
