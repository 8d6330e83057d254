import DagforgeWire

/// Every parameter of a schedule create or update, sent explicitly because create and update default
/// differently (`failureStrategy` CONTINUE vs END, reference §6.9, §16.18).
public struct ScheduleRequest: Sendable, Hashable {
    public var param: ScheduleParam
    public var warningType: WarningType
    public var warningGroupId: Int
    public var failureStrategy: FailureStrategy
    public var workerGroup: String
    public var tenantCode: String
    public var environmentCode: Int64
    public var priority: Priority

    public init(param: ScheduleParam, warningType: WarningType, warningGroupId: Int, failureStrategy: FailureStrategy,
                workerGroup: String, tenantCode: String, environmentCode: Int64, priority: Priority) {
        self.param = param
        self.warningType = warningType
        self.warningGroupId = warningGroupId
        self.failureStrategy = failureStrategy
        self.workerGroup = workerGroup
        self.tenantCode = tenantCode
        self.environmentCode = environmentCode
        self.priority = priority
    }

    func fields(routes: DolphinRoutes) throws -> [FormField] {
        [
            FormField("schedule", try WireJSON.string(param)),
            FormField("warningType", warningType.rawValue),
            FormField("warningGroupId", String(warningGroupId)),
            FormField("failureStrategy", failureStrategy.rawValue),
            FormField("workerGroup", workerGroup),
            FormField("tenantCode", tenantCode),
            FormField("environmentCode", String(environmentCode)),
            FormField(routes.instancePriorityParameter, priority.rawValue),
        ]
    }
}
