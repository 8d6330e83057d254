import DagforgeWire

/// What an engine holds for one project, read in a handful of list calls. Plan, status, diff and import
/// work from this value alone (no I/O).
public struct EngineSnapshot: Sendable, Hashable {
    /// nil when the project does not exist yet.
    public var project: Project?
    /// The project's DAGs as `/all` returned them.
    public var deployed: [DeployedDag]
    public var schedules: [Schedule]
    public var dataSources: [DataSource]
    public var environments: [EnvironmentInfo]

    public init(project: Project?, deployed: [DeployedDag], schedules: [Schedule], dataSources: [DataSource],
                environments: [EnvironmentInfo]) {
        self.project = project
        self.deployed = deployed
        self.schedules = schedules
        self.dataSources = dataSources
        self.environments = environments
    }

    /// A snapshot of DAGs at hand (decoded, or built by a test).
    public init(project: Project?, definitions: [DagData], schedules: [Schedule], dataSources: [DataSource],
                environments: [EnvironmentInfo]) {
        self.init(project: project, deployed: definitions.map(DeployedDag.init), schedules: schedules,
                  dataSources: dataSources, environments: environments)
    }

    /// Lookups by name and code; build one per use, not per query.
    public struct Index: Sendable {
        public let byName: [String: DeployedDag]
        public let nameByCode: [Int64: String]
        public let scheduleByCode: [Int64: Schedule]

        public init(_ snapshot: EngineSnapshot) {
            byName = Dictionary(snapshot.deployed.map { ($0.summary.name, $0) }, uniquingKeysWith: { a, _ in a })
            nameByCode = Dictionary(snapshot.deployed.map { ($0.summary.code, $0.summary.name) },
                                    uniquingKeysWith: { a, _ in a })
            scheduleByCode = Dictionary(snapshot.schedules.map { ($0.processDefinitionCode, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
