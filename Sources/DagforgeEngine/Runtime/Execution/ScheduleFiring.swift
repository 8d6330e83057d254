import DagforgeCron
import DagforgeWire
import Foundation

/// Fires ONLINE schedules of ONLINE workflows on their Quartz cron, in their time zone, inside their start and end
/// times: each fire time becomes one SCHEDULER command whose schedule time is the fire time (UNIQUE per schedule
/// and fire time, so a fire is never queued twice). Fire times are looked for after the previous pass only, and
/// the first pass starts at engine start: fires missed while the engine was down are not replayed
/// (docs/engine.md).
actor ScheduleFiring {
    private let store: EngineStore
    private let codes: CodeGenerator
    private var checkedUntil: Date
    private var parsed: [String: QuartzCron] = [:]

    init(store: EngineStore, codes: CodeGenerator, now: Date = Date()) {
        self.store = store
        self.codes = codes
        self.checkedUntil = now
    }

    /// Queues the fires due in (previous pass, now]; returns how many were queued.
    @discardableResult
    func fireDue(now: Date = Date()) async throws -> Int {
        let from = checkedUntil
        guard now > from else { return 0 }
        var drafts: [CommandDraft] = []
        for firing in try await store.firingSchedules() {
            guard let cron = cron(firing.schedule.crontab) else { continue }
            let zone = TimeZone(identifier: firing.schedule.timezoneId) ?? .current
            let start = DolphinDate.date(firing.schedule.startTime, timeZone: zone)
            let end = DolphinDate.date(firing.schedule.endTime, timeZone: zone)
            var after = from
            while let fire = cron.nextFireTimes(after: after, count: 1, timeZone: zone, start: start, end: end).first, fire <= now {
                drafts.append(CommandDraft(
                    commandType: .SCHEDULER, processDefinitionCode: firing.definitionCode, projectCode: firing.projectCode,
                    triggerCode: codes.next(), scheduleId: firing.id, scheduleTime: DolphinDate.string(fire),
                    failureStrategy: firing.schedule.failureStrategy, warningType: firing.schedule.warningType,
                    priority: firing.schedule.processInstancePriority ?? .MEDIUM, workerGroup: firing.schedule.workerGroup,
                    executorId: Int64(firing.schedule.userId)))
                after = fire
            }
        }
        checkedUntil = now
        return drafts.isEmpty ? 0 : try await store.acceptCommands(drafts)
    }

    private func cron(_ expression: String) -> QuartzCron? {
        if let known = parsed[expression] { return known }
        let cron = try? QuartzCron(parsing: expression)
        parsed[expression] = cron
        return cron
    }
}
