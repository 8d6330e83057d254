import DagforgeWire

/// The settings a task can carry, from its header, its `workflow.yaml` entry, workflow and project
/// `defaults`, and an environment's overrides. Every field is optional so layers merge: a later layer
/// wins field by field (`merged(over:)`).
public struct TaskSettings: Hashable, Sendable {
    public enum SQLKind: String, Hashable, Sendable, CaseIterable { case query, non_query }

    /// Upstream task names (`task` or `workflow/task`). An empty list means "root" (none).
    public var upstream: [Located<String>]?
    /// Logical datasource name, mapped per environment.
    public var datasource: Located<String>?
    public var description: String?
    public var retries: Int?
    /// Minutes.
    public var retryInterval: Int?
    /// Minutes; 0 = none.
    public var timeout: Int?
    public var timeoutStrategy: TaskTimeoutStrategy?
    /// Minutes to wait before the task starts.
    public var delay: Int?
    public var priority: Priority?
    public var workerGroup: String?
    /// A DolphinScheduler environment by name (e.g. one providing PYTHON_LAUNCHER).
    public var environment: String?
    public var sqlType: SQLKind?
    /// Whether SQL lineage may add upstreams to this task.
    public var infer: Bool?
    /// false deploys the task as forbidden (skipped, downstream continues).
    public var enabled: Bool?
    public var cache: Bool?
    public var cpuQuota: Int?
    public var memoryMax: Int?
    /// Task-local parameters (`localParams`), name → value.
    public var params: [String: Located<String>]?

    public init() {}

    /// `self` layered over `base`: every field set here wins.
    public func merged(over base: TaskSettings) -> TaskSettings {
        var result = base
        if let upstream { result.upstream = upstream }
        if let datasource { result.datasource = datasource }
        if let description { result.description = description }
        if let retries { result.retries = retries }
        if let retryInterval { result.retryInterval = retryInterval }
        if let timeout { result.timeout = timeout }
        if let timeoutStrategy { result.timeoutStrategy = timeoutStrategy }
        if let delay { result.delay = delay }
        if let priority { result.priority = priority }
        if let workerGroup { result.workerGroup = workerGroup }
        if let environment { result.environment = environment }
        if let sqlType { result.sqlType = sqlType }
        if let infer { result.infer = infer }
        if let enabled { result.enabled = enabled }
        if let cache { result.cache = cache }
        if let cpuQuota { result.cpuQuota = cpuQuota }
        if let memoryMax { result.memoryMax = memoryMax }
        if let params { result.params = (base.params ?? [:]).merging(params) { _, new in new } }
        return result
    }
}
