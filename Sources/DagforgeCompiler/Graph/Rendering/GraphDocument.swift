import DagforgeSpec

/// The part of the task graph to draw: all of it, or one workflow plus the tasks of other workflows it
/// touches. Edges are labelled `declared` or `inferred`.
public struct GraphDocument: Sendable {
    public struct Edge: Hashable, Sendable, Codable {
        public var from: TaskAddress
        public var to: TaskAddress
        /// `declared`, `inferred`, or `declared+inferred`.
        public var kind: String
        public var origins: [String]
        /// The tables an inferred edge was inferred from, sorted.
        public var tables: [String]

        /// The kind, plus the tables for an inferred edge: `inferred: dw.orders`.
        public var label: String { tables.isEmpty ? kind : "\(kind): \(tables.joined(separator: ", "))" }
    }

    public var nodes: [TaskAddress]
    public var edges: [Edge]

    public init(_ dependencies: DependencyGraph, workflow: String? = nil) {
        let graph = dependencies.graph
        let selected = graph.edges.filter { workflow == nil || $0.from.workflow == workflow || $0.to.workflow == workflow }
        var nodes = Set(selected.flatMap { [$0.from, $0.to] })
        nodes.formUnion(graph.nodes.filter { workflow == nil || $0.workflow == workflow })
        self.nodes = nodes.sorted()
        edges = selected.map { edge in
            let origins = dependencies.origins(of: edge)
            let kinds = Set(origins.map { $0.isInferred ? "inferred" : "declared" }).sorted()
            return Edge(from: edge.from, to: edge.to, kind: kinds.joined(separator: "+"),
                        origins: origins.map(\.explanation), tables: Set(origins.compactMap(\.table)).sorted())
        }
    }
}
