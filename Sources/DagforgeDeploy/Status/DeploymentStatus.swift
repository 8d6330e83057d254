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
        let names = Set(plan.workflows.map(\.name)).union(snapshot.deployed.compactMap { dag in
            dag.summary.marker.map { _ in dag.summary.name }
        })
        entries = names.sorted().map { name in
            let change = changes[name]
            let dag = index.byName[name]?.summary
            let marker = dag?.marker
            let drifted = dag?.drifted ?? false
            return Entry(
                name: name, sourcePath: marker?.sourcePath ?? change?.sourcePath, deployedCommit: marker?.commit,
                managed: marker != nil, inSpecs: change?.desired != nil, deployed: dag != nil,
                matchesCheckout: change?.desired != nil && change?.action == .noOp, drifted: drifted,
                releaseState: dag?.releaseState?.rawValue,
                scheduleState: dag.flatMap { index.scheduleByCode[$0.code] }?.releaseState.rawValue)
        }
    }
}
