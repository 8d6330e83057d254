import DagforgeWire

/// What an engine holds for one project, read in a handful of list calls. Plan, status, diff and import
/// work from this value alone (no I/O).
public struct EngineSnapshot: Codable, Sendable, Hashable {
    /// nil when the project does not exist yet.
    public var project: Project?
    public var definitions: [DagData]
    public var schedules: [Schedule]
    public var dataSources: [DataSource]
    public var environments: [EnvironmentInfo]

    public init(project: Project?, definitions: [DagData], schedules: [Schedule], dataSources: [DataSource],
                environments: [EnvironmentInfo]) {
        self.project = project
        self.definitions = definitions
        self.schedules = schedules
        self.dataSources = dataSources
        self.environments = environments
    }

    /// Lookups by name and code; build one per use, not per query.
    public struct Index: Sendable {
        public let byName: [String: DagData]
        public let nameByCode: [Int64: String]
        public let scheduleByCode: [Int64: Schedule]

        public init(_ snapshot: EngineSnapshot) {
            byName = Dictionary(snapshot.definitions.map { ($0.processDefinition.name, $0) }, uniquingKeysWith: { a, _ in a })
            nameByCode = Dictionary(snapshot.definitions.map { ($0.processDefinition.code, $0.processDefinition.name) },
                                    uniquingKeysWith: { a, _ in a })
            scheduleByCode = Dictionary(snapshot.schedules.map { ($0.processDefinitionCode, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
