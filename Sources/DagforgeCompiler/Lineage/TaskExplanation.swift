import DagforgeSpec

/// Why a task has each of its upstreams and downstreams (`dagforge explain`), and the tables it reads
/// and writes.
public struct TaskExplanation: Hashable, Sendable, Codable {
    /// One neighbour of the task and every reason the edge exists.
    public struct Link: Hashable, Sendable, Codable {
        public var task: TaskAddress
        /// "declared at …", "inferred from t read at … (written at …)".
        public var reasons: [String]
        /// The neighbour is in another workflow: the engine waits for it through a DEPENDENT node.
        public var crossWorkflow: Bool
    }

    public struct Table: Hashable, Sendable, Codable {
        public var name: String
        /// `path:line:column`.
        public var at: String
    }

    public var task: TaskAddress
    public var upstreams: [Link]
    public var downstreams: [Link]
    public var reads: [Table]
    public var writes: [Table]

    /// Nil when the graph has no such task.
    public init?(_ task: TaskAddress, dependencies: DependencyGraph, lineage: RepositoryLineage) {
        guard dependencies.graph.contains(task) else { return nil }
        self.task = task
        upstreams = dependencies.graph.predecessors(of: task).map {
            Self.link($0, edge: .init(from: $0, to: task), dependencies)
        }
        downstreams = dependencies.graph.successors(of: task).map {
            Self.link($0, edge: .init(from: task, to: $0), dependencies)
        }
        let tables = lineage.task(task)
        reads = (tables?.reads ?? []).map { Table(name: $0.table, at: $0.range.description) }
        writes = (tables?.writes ?? []).map { Table(name: $0.table, at: $0.range.description) }
    }

    private static func link(_ neighbour: TaskAddress, edge: DependencyGraph.Edge, _ dependencies: DependencyGraph) -> Link {
        let origins = dependencies.origins(of: edge).sorted { !$0.isInferred && $1.isInferred }
        return Link(task: neighbour, reasons: origins.map(\.explanation), crossWorkflow: edge.from.workflow != edge.to.workflow)
    }
}
