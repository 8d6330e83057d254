import DagforgeWire

/// Per workflow: which commit is deployed, whether it matches the checkout, and whether it was edited on
/// the engine since (drift). Built from a plan of the checkout against a snapshot; no I/O.
public struct DeploymentStatus: Codable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var name: String
        /// Source folder from the marker (or from the specs when not deployed).
        public var sourcePath: String?
        /// Commit in the engine's marker; nil when not deployed or not managed by dagforge.
        public var deployedCommit: String?
        public var managed: Bool
        public var inSpecs: Bool
        public var deployed: Bool
        /// The engine's copy equals what the checkout compiles to (plan shows no change).
        public var matchesCheckout: Bool
        /// Edited on the engine since dagforge deployed it.
        public var drifted: Bool
        public var releaseState: String?
        public var scheduleState: String?
    }

    public var environment: String
    public var project: String
    public var entries: [Entry]

    /// Deployed commits and how many managed workflows run each.
    public var deployedCommits: [String: Int] {
        entries.compactMap(\.deployedCommit).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    public var driftedWorkflows: [String] { entries.filter(\.drifted).map(\.name) }

    /// `plan` must be computed from the checkout against `snapshot` (prune or not).
    public init(plan: Plan, snapshot: EngineSnapshot) {
        environment = plan.environment
        project = plan.project
        let index = EngineSnapshot.Index(snapshot)
        let changes = Dictionary(plan.workflows.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Set(plan.workflows.map(\.name)).union(snapshot.definitions.compactMap { dag in
            Marker.parse(description: dag.processDefinition.description).map { _ in dag.processDefinition.name }
        })
        entries = names.sorted().map { name in
            let change = changes[name]
            let dag = index.byName[name]
            let marker = dag.flatMap { Marker.parse(description: $0.processDefinition.description) }
            let drifted = dag.map { dag in marker.map { $0.contentHash != WorkflowShape(dag: dag).contentHash } ?? false } ?? false
            return Entry(
                name: name, sourcePath: marker?.sourcePath ?? change?.sourcePath, deployedCommit: marker?.commit,
                managed: marker != nil, inSpecs: change?.desired != nil, deployed: dag != nil,
                matchesCheckout: change?.desired != nil && change?.action == .noOp, drifted: drifted,
                releaseState: dag?.processDefinition.releaseState?.rawValue,
                scheduleState: dag.flatMap { index.scheduleByCode[$0.processDefinition.code] }?.releaseState.rawValue)
        }
    }
}
