/// A schedule (reference §8.5). Lists return ScheduleVO, which has the same field names.
public struct Schedule: Codable, Hashable, Sendable {
    public var id: Int
    public var processDefinitionCode: Int64
    public var processDefinitionName: String?
    public var projectName: String?
    public var definitionDescription: String?
    public var startTime: String
    public var endTime: String
    public var timezoneId: String
    public var crontab: String
    public var failureStrategy: FailureStrategy
    public var warningType: WarningType
    public var createTime: String?
    public var updateTime: String?
    public var userId: Int
    public var userName: String?
    public var releaseState: ReleaseState
    public var warningGroupId: Int
    public var processInstancePriority: Priority?
    public var workerGroup: String
    public var tenantCode: String?
    public var environmentCode: Int64
    public var environmentName: String?

    public init(
        id: Int, processDefinitionCode: Int64, startTime: String, endTime: String, timezoneId: String,
        crontab: String, failureStrategy: FailureStrategy, warningType: WarningType, userId: Int,
        releaseState: ReleaseState, warningGroupId: Int, processInstancePriority: Priority?,
        workerGroup: String, tenantCode: String?, environmentCode: Int64
    ) {
        self.id = id
        self.processDefinitionCode = processDefinitionCode
        self.startTime = startTime
        self.endTime = endTime
        self.timezoneId = timezoneId
        self.crontab = crontab
        self.failureStrategy = failureStrategy
        self.warningType = warningType
        self.userId = userId
        self.releaseState = releaseState
        self.warningGroupId = warningGroupId
        self.processInstancePriority = processInstancePriority
        self.workerGroup = workerGroup
        self.tenantCode = tenantCode
        self.environmentCode = environmentCode
    }
}

/// The JSON text of the `schedule` form field (reference §7.5).
public struct ScheduleParam: Codable, Hashable, Sendable {
    /// `yyyy-MM-dd HH:mm:ss`, wall-clock time in `timezoneId`.
    public var startTime: String
    public var endTime: String
    /// Quartz cron: `sec min hour day-of-month month day-of-week [year]`.
    public var crontab: String
    public var timezoneId: String

    public init(startTime: String, endTime: String, crontab: String, timezoneId: String) {
        self.startTime = startTime
        self.endTime = endTime
        self.crontab = crontab
        self.timezoneId = timezoneId
    }
}
