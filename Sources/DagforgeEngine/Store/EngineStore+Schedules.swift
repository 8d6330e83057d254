import DagforgeWire
import GRDB

/// The fields of a schedule a create or update writes.
struct ScheduleDraft: Sendable {
    var startTime: String
    var endTime: String
    var timezoneId: String
    var crontab: String
    var failureStrategy: FailureStrategy
    var warningType: WarningType
    var warningGroupId: Int
    var processInstancePriority: Priority?
    var workerGroup: String
    var tenantCode: String
    var environmentCode: Int64
}

extension EngineStore {
    private static let scheduleSelect = """
        SELECT schedule.*, pd.name AS pdName, pd.description AS pdDescription, project.name AS projectName,
               user.userName AS ownerName, environment.name AS environmentName
        FROM schedule
        JOIN processDefinition pd ON pd.code = schedule.processDefinitionCode
        JOIN project ON project.code = pd.projectCode
        LEFT JOIN user ON user.id = schedule.userId
        LEFT JOIN environment ON environment.code = schedule.environmentCode
        """

    private static func schedule(from row: Row) throws -> Schedule {
        var schedule = try ScheduleRecord(row: row).wire
        schedule.processDefinitionName = row["pdName"]
        schedule.definitionDescription = row["pdDescription"]
        schedule.projectName = row["projectName"]
        schedule.userName = row["ownerName"]
        schedule.environmentName = row["environmentName"]
        return schedule
    }

    func schedule(id: Int64) async throws -> Schedule? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.scheduleSelect + " WHERE schedule.id = ?", arguments: [id]).map(Self.schedule(from:))
        }
    }

    func schedule(definitionCode code: Int64) async throws -> Schedule? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.scheduleSelect + " WHERE schedule.processDefinitionCode = ?", arguments: [code])
                .map(Self.schedule(from:))
        }
    }

    func schedules(projectCode: Int64) async throws -> [Schedule] {
        try await read { db in
            try Row.fetchAll(db, sql: Self.scheduleSelect + " WHERE pd.projectCode = ? ORDER BY schedule.id",
                             arguments: [projectCode]).map(Self.schedule(from:))
        }
    }

    func schedules(projectCode: Int64, definitionCode: Int64?, searchVal: String?, page: PageRequest) async throws -> StorePage<Schedule> {
        try await read { db in
            var conditions = ["pd.projectCode = ?"]
            var arguments: StatementArguments = [projectCode]
            if let definitionCode {
                conditions.append("schedule.processDefinitionCode = ?")
                arguments += [definitionCode]
            }
            if let searchVal, !searchVal.isEmpty {
                conditions.append("pd.name LIKE ? ESCAPE '\\'")
                arguments += [containsPattern(searchVal)]
            }
            let filter = " WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM schedule JOIN processDefinition pd ON pd.code = schedule.processDefinitionCode
                """ + filter, arguments: arguments) ?? 0
            let items = try Row.fetchAll(db, sql: Self.scheduleSelect + filter + " ORDER BY schedule.updateTime DESC, schedule.id DESC LIMIT ? OFFSET ?",
                                         arguments: arguments + [page.pageSize, page.offset]).map(Self.schedule(from:))
            return StorePage(items: items, total: total)
        }
    }

    /// Creates the (OFFLINE) schedule of a workflow and copies its warning group onto the workflow.
    func createSchedule(definitionCode: Int64, draft: ScheduleDraft, userId: Int64) async throws -> Schedule {
        try await write { db in
            let now = Self.now()
            var record = ScheduleRecord(
                id: nil, processDefinitionCode: definitionCode, startTime: draft.startTime, endTime: draft.endTime,
                timezoneId: draft.timezoneId, crontab: draft.crontab, failureStrategy: draft.failureStrategy.rawValue,
                warningType: draft.warningType.rawValue, warningGroupId: draft.warningGroupId,
                processInstancePriority: draft.processInstancePriority?.rawValue, workerGroup: draft.workerGroup,
                tenantCode: draft.tenantCode, environmentCode: draft.environmentCode,
                releaseState: ReleaseState.OFFLINE.rawValue, userId: userId, createTime: now, updateTime: now)
            try record.insert(db)
            try db.execute(sql: "UPDATE processDefinition SET warningGroupId = ? WHERE code = ?",
                           arguments: [draft.warningGroupId, definitionCode])
            return try Row.fetchOne(db, sql: Self.scheduleSelect + " WHERE schedule.id = ?", arguments: [record.id])
                .map(Self.schedule(from:)) ?? record.wire
        }
    }

    func updateSchedule(id: Int64, draft: ScheduleDraft) async throws -> Schedule? {
        try await write { db in
            guard var record = try ScheduleRecord.fetchOne(db, key: id) else { return nil }
            record.startTime = draft.startTime
            record.endTime = draft.endTime
            record.timezoneId = draft.timezoneId
            record.crontab = draft.crontab
            record.failureStrategy = draft.failureStrategy.rawValue
            record.warningType = draft.warningType.rawValue
            record.warningGroupId = draft.warningGroupId
            record.processInstancePriority = draft.processInstancePriority?.rawValue
            record.workerGroup = draft.workerGroup
            record.tenantCode = draft.tenantCode
            record.environmentCode = draft.environmentCode
            record.updateTime = Self.now()
            try record.update(db)
            try db.execute(sql: "UPDATE processDefinition SET warningGroupId = ? WHERE code = ?",
                           arguments: [draft.warningGroupId, record.processDefinitionCode])
            return try Row.fetchOne(db, sql: Self.scheduleSelect + " WHERE schedule.id = ?", arguments: [id])
                .map(Self.schedule(from:))
        }
    }

    func setScheduleState(id: Int64, state: ReleaseState) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE schedule SET releaseState = ?, updateTime = ? WHERE id = ?",
                           arguments: [state.rawValue, Self.now(), id])
        }
    }

    func deleteSchedule(id: Int64) async throws {
        try await write { db in _ = try ScheduleRecord.deleteOne(db, key: id) }
    }
}
