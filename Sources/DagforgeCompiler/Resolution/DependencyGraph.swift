import DagforgeSpec

/// The task graph of a whole repository: nodes are tasks (`workflow/task`), edges point from upstream to
/// downstream, and each edge keeps the origins it was created from. Also records references that could
/// not be resolved, for the checks to report.
public struct DependencyGraph: Hashable, Sendable {
    public typealias Edge = DirectedGraph<TaskAddress>.Edge

    public var graph = DirectedGraph<TaskAddress>()
    /// Side table of edge provenance (one edge may be both declared and inferred).
    public var origins: [Edge: [EdgeOrigin]] = [:]
    public var unresolved: [UnresolvedReference] = []
    /// Tasks that list themselves as upstream (kept out of `graph`, reported separately).
    public var selfReferences: [Located<TaskAddress>] = []

    public init() {}

    mutating func add(_ edge: Edge, origin: EdgeOrigin) {
        graph.add(edge)
        // One lookup of the edge: this runs for each of 40,000 declared and as many inferred edges.
        if let existing = origins.index(forKey: edge) {
            if !origins.values[existing].contains(origin) { origins.values[existing].append(origin) }
        } else {
            origins[edge] = [origin]
        }
    }

    /// Upstream tasks of `task`, sorted.
    public func upstreams(of task: TaskAddress) -> [TaskAddress] { graph.predecessors(of: task) }

    /// The first origin of an edge (declared before inferred).
    public func origin(of edge: Edge) -> EdgeOrigin? {
        origins[edge]?.sorted { !$0.isInferred && $1.isInferred }.first
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
