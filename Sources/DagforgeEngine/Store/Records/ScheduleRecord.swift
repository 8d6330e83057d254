import DagforgeWire
import GRDB

struct ScheduleRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "schedule"
    enum Columns {
        static let processDefinitionCode = Column(CodingKeys.processDefinitionCode)
        static let releaseState = Column(CodingKeys.releaseState)
    }

    var id: Int64?
    var processDefinitionCode: Int64
    var startTime: String
    var endTime: String
    var timezoneId: String
    var crontab: String
    var failureStrategy: String
    var warningType: String
    var warningGroupId: Int
    var processInstancePriority: String?
    var workerGroup: String
    var tenantCode: String?
    var environmentCode: Int64
    var releaseState: String
    var userId: Int64
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var wire: Schedule {
        var schedule = Schedule(
            id: Int(id ?? 0), processDefinitionCode: processDefinitionCode, startTime: startTime, endTime: endTime,
            timezoneId: timezoneId, crontab: crontab,
            failureStrategy: FailureStrategy(rawValue: failureStrategy) ?? .CONTINUE,
            warningType: WarningType(rawValue: warningType) ?? .NONE, userId: Int(userId),
            releaseState: ReleaseState(rawValue: releaseState) ?? .OFFLINE, warningGroupId: warningGroupId,
            processInstancePriority: processInstancePriority.flatMap(Priority.init(rawValue:)),
            workerGroup: workerGroup, tenantCode: tenantCode, environmentCode: environmentCode)
        schedule.createTime = createTime
        schedule.updateTime = updateTime
        return schedule
    }
}
