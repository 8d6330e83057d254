/// `dagforge.yaml` at the repository root; every key is optional.
public struct ProjectSettings: Hashable, Sendable {
    /// Environment used when a command needs one and none is given.
    public var defaultEnvironment: Located<String>?
    /// SQL dialect for lineage (`sqlite`, `postgres`, `hive`, `mysql`, ...).
    public var dialect: String?
    /// Whether SQL lineage adds upstreams (default true).
    public var infer: Bool?
    /// Task settings under every workflow's defaults.
    public var defaults: TaskSettings
    /// Time zone for schedules that name none.
    public var timezone: String?

    public init(defaultEnvironment: Located<String>? = nil, dialect: String? = nil, infer: Bool? = nil,
                defaults: TaskSettings = TaskSettings(), timezone: String? = nil) {
        self.defaultEnvironment = defaultEnvironment
        self.dialect = dialect
        self.infer = infer
        self.defaults = defaults
        self.timezone = timezone
    }
}
