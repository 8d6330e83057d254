import DagforgeCompiler
import DagforgeWire

/// A compiled schedule with its environment resolved to the engine's code: what apply sends and what plan
/// compares with the engine's schedule.
struct DesiredSchedule: Hashable, Sendable {
    var schedule: CompiledSchedule
    var environmentCode: Int64

    init(_ schedule: CompiledSchedule, environmentCode: Int64) {
        self.schedule = schedule
        self.environmentCode = environmentCode
    }

    var releaseState: ReleaseState { schedule.online ? .ONLINE : .OFFLINE }

    /// The compared fields. The alert group (`warningGroupId`) is not managed by specs: apply keeps the
    /// engine's value.
    var fields: [String: JSONValue] {
        Self.fields(crontab: schedule.param.crontab, timezoneId: schedule.param.timezoneId,
                    startTime: schedule.param.startTime, endTime: schedule.param.endTime,
                    failureStrategy: schedule.failureStrategy, warningType: schedule.warningType,
                    priority: schedule.processInstancePriority, workerGroup: schedule.workerGroup,
                    tenantCode: schedule.tenantCode, environmentCode: environmentCode)
    }

    static func fields(of engine: Schedule) -> [String: JSONValue] {
        fields(crontab: engine.crontab, timezoneId: engine.timezoneId, startTime: engine.startTime, endTime: engine.endTime,
               failureStrategy: engine.failureStrategy, warningType: engine.warningType,
               priority: engine.processInstancePriority ?? .MEDIUM, workerGroup: engine.workerGroup,
               tenantCode: engine.tenantCode ?? "default", environmentCode: engine.environmentCode)
    }

    private static func fields(crontab: String, timezoneId: String, startTime: String, endTime: String,
                               failureStrategy: FailureStrategy, warningType: WarningType, priority: Priority,
                               workerGroup: String, tenantCode: String, environmentCode: Int64) -> [String: JSONValue] {
        [
            "crontab": .string(crontab), "timezoneId": .string(timezoneId),
            "startTime": .string(startTime), "endTime": .string(endTime),
            "failureStrategy": .string(failureStrategy.rawValue), "warningType": .string(warningType.rawValue),
            "processInstancePriority": .string(priority.rawValue), "workerGroup": .string(workerGroup),
            "tenantCode": .string(tenantCode), "environmentCode": .int(environmentCode),
        ]
    }

    func request(warningGroupId: Int) -> ScheduleRequest {
        ScheduleRequest(param: schedule.param, warningType: schedule.warningType, warningGroupId: warningGroupId,
                        failureStrategy: schedule.failureStrategy, workerGroup: schedule.workerGroup,
                        tenantCode: schedule.tenantCode, environmentCode: environmentCode,
                        priority: schedule.processInstancePriority)
    }
}
