import DagforgeCron
import DagforgeWire
import Foundation

/// The optional parameters of a schedule create or update; omitted ones take the endpoint's defaults.
struct ScheduleOptions: Sendable {
    var warningType: WarningType
    var warningGroupId: Int
    var failureStrategy: FailureStrategy
    var workerGroup: String
    var tenantCode: String
    var environmentCode: Int64
    var processInstancePriority: Priority?
}

/// Schedules (reference §6.9): one per workflow, created OFFLINE on an ONLINE workflow, changed only OFFLINE.
struct ScheduleService: Sendable {
    let store: EngineStore
    let projects: ProjectService

    func create(caller: EngineUser, projectCode: Int64, definitionCode: Int64, scheduleJSON: String,
                options: ScheduleOptions) async throws -> Schedule {
        _ = try await projects.existing(projectCode, returned: true)
        // An unknown workflow is an NPE in DolphinScheduler: the generic create error.
        guard let definition = try await store.definition(code: definitionCode) else { throw ServiceError(.createScheduleError) }
        guard definition.projectCode == projectCode else { throw ServiceError(.processDefineNotExist, .text(String(definitionCode))) }
        guard definition.releaseState == .ONLINE else {
            throw ServiceError(.processDefineNotRelease, .text(String(definitionCode)), .text(String(definition.version)))
        }
        for child in try await store.referencedDefinitions(from: definitionCode, kind: .subProcess) where child.releaseState != .ONLINE {
            throw ServiceError(.subProcessDefineNotRelease)
        }
        if let existing = try await store.schedule(definitionCode: definitionCode) {
            throw ServiceError.returned(.scheduleAlreadyExists, .text(String(definitionCode)), .text(String(existing.id)))
        }
        // A `schedule` that does not parse is an NPE in DolphinScheduler: the generic create error.
        let draft = try await draft(scheduleJSON, options: options, unparsable: ServiceError(.createScheduleError),
                                    invalidCron: { .returned(.requestParamsNotValid, .text($0)) })
        return try await store.createSchedule(definitionCode: definitionCode, draft: draft, userId: caller.id)
    }

    func update(projectCode: Int64, id: Int, scheduleJSON: String, options: ScheduleOptions) async throws -> Schedule {
        _ = try await projects.existing(projectCode)
        guard let schedule = try await store.schedule(id: Int64(id)) else { throw ServiceError(.scheduleNotExists, .number(Int64(id))) }
        return try await update(schedule, scheduleJSON: scheduleJSON, options: options)
    }

    func update(projectCode: Int64, definitionCode: Int64, scheduleJSON: String, options: ScheduleOptions) async throws -> Schedule {
        _ = try await projects.existing(projectCode)
        guard let schedule = try await store.schedule(definitionCode: definitionCode) else {
            throw ServiceError(.scheduleCronNotExists, .text(String(definitionCode)))
        }
        return try await update(schedule, scheduleJSON: scheduleJSON, options: options)
    }

    private func update(_ schedule: Schedule, scheduleJSON: String, options: ScheduleOptions) async throws -> Schedule {
        guard schedule.releaseState == .OFFLINE else { throw ServiceError(.scheduleCronOnlineForbidUpdate) }
        let draft = try await draft(scheduleJSON, options: options, unparsable: ServiceError(.parseToCronExpressionError),
                                    invalidCron: { ServiceError(.scheduleCronCheckFailed, .text($0)) })
        guard let updated = try await store.updateSchedule(id: Int64(schedule.id), draft: draft) else {
            throw ServiceError(.scheduleNotExists, .number(Int64(schedule.id)))
        }
        return updated
    }

    /// Online: a no-op for an unknown or already online schedule; the workflow must be ONLINE.
    func online(projectCode: Int64, id: Int) async throws {
        _ = try await projects.existing(projectCode)
        guard let schedule = try await store.schedule(id: Int64(id)), schedule.releaseState == .OFFLINE else { return }
        let definition = try await store.definition(code: schedule.processDefinitionCode)
        guard definition?.releaseState == .ONLINE else {
            throw ServiceError(.processDefineNotRelease, .text(String(schedule.processDefinitionCode)),
                               .text(String(definition?.version ?? 0)))
        }
        try await store.setScheduleState(id: Int64(id), state: .ONLINE)
    }

    func offline(projectCode: Int64, id: Int) async throws {
        _ = try await projects.existing(projectCode)
        guard let schedule = try await store.schedule(id: Int64(id)), schedule.releaseState == .ONLINE else { return }
        try await store.setScheduleState(id: Int64(id), state: .OFFLINE)
    }

    func delete(caller: EngineUser, projectCode: Int64, id: Int) async throws {
        _ = try await projects.existing(projectCode)
        guard let schedule = try await store.schedule(id: Int64(id)) else { throw ServiceError(.scheduleNotExists, .number(Int64(id))) }
        guard caller.isAdmin || Int64(schedule.userId) == caller.id else { throw ServiceError(.userNoOperationPerm) }
        guard schedule.releaseState == .OFFLINE else { throw ServiceError(.scheduleStateOnline, .text(String(id))) }
        try await store.deleteSchedule(id: Int64(id))
    }

    func list(projectCode: Int64, definitionCode: Int64?, searchVal: String?, page: PageRequest) async throws -> PageInfo<Schedule> {
        _ = try await projects.existing(projectCode)
        let result = try await store.schedules(projectCode: projectCode, definitionCode: definitionCode, searchVal: searchVal, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func all(projectCode: Int64) async throws -> [Schedule] {
        _ = try await projects.existing(projectCode)
        return try await store.schedules(projectCode: projectCode)
    }

    /// The next five fire times inside the schedule's window, from now on, in the schedule's zone.
    func preview(scheduleJSON: String) throws -> [String] {
        guard let param = try? WireJSON.decode(ScheduleParam.self, from: scheduleJSON),
              let start = DolphinDate.date(param.startTime), let end = DolphinDate.date(param.endTime) else {
            throw ServiceError(.previewScheduleError)
        }
        guard let cron = try? QuartzCron(parsing: param.crontab) else { throw ServiceError.returned(.parseToCronExpressionError) }
        let zone = Self.timeZone(param.timezoneId)
        let fires = cron.nextFireTimes(after: max(Date(), start), count: 5, timeZone: zone, end: end)
        return fires.map { DolphinDate.string($0, timeZone: zone) }
    }

    /// DolphinScheduler's `TimeZone.getTimeZone`: an unknown zone id means GMT.
    static func timeZone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(identifier: "GMT")!
    }

    /// Checks the tenant, the schedule window and the cron in DolphinScheduler's order, and builds what the
    /// store writes. Window and cron errors are returned, not thrown, as DolphinScheduler does.
    private func draft(_ scheduleJSON: String, options: ScheduleOptions, unparsable: ServiceError,
                       invalidCron: (String) -> ServiceError) async throws -> ScheduleDraft {
        if options.tenantCode != "default", try await !store.tenantCodeTaken(options.tenantCode) {
            throw ServiceError(.tenantNotExist, .text(options.tenantCode))
        }
        guard let param = try? WireJSON.decode(ScheduleParam.self, from: scheduleJSON),
              let start = DolphinDate.date(param.startTime), let end = DolphinDate.date(param.endTime) else {
            throw unparsable
        }
        if Int(start.timeIntervalSince1970) == Int(end.timeIntervalSince1970) {
            throw ServiceError.returned(.scheduleStartTimeEndTimeSame)
        }
        if start > end { throw ServiceError.returned(.startTimeBiggerThanEndTimeError) }
        guard (try? QuartzCron(parsing: param.crontab)) != nil else { throw invalidCron(param.crontab) }
        return ScheduleDraft(startTime: DolphinDate.string(start), endTime: DolphinDate.string(end),
                             timezoneId: param.timezoneId, crontab: param.crontab, failureStrategy: options.failureStrategy,
                             warningType: options.warningType, warningGroupId: options.warningGroupId,
                             processInstancePriority: options.processInstancePriority, workerGroup: options.workerGroup,
                             tenantCode: options.tenantCode, environmentCode: options.environmentCode)
    }
}
