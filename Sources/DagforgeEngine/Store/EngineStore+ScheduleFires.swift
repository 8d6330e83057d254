import DagforgeWire
import GRDB

/// An ONLINE schedule of an ONLINE workflow, as the schedule loop fires it.
struct FiringSchedule: Sendable {
    var id: Int64
    var definitionCode: Int64
    var projectCode: Int64
    var schedule: Schedule
}

extension EngineStore {
    /// Every schedule that may fire: the schedule and its workflow are both ONLINE.
    func firingSchedules() async throws -> [FiringSchedule] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT schedule.*, pd.projectCode AS definitionProjectCode FROM schedule
                JOIN processDefinition pd ON pd.code = schedule.processDefinitionCode
                WHERE schedule.releaseState = 'ONLINE' AND pd.releaseState = 'ONLINE'
                """)
            return try rows.map { row in
                let record = try ScheduleRecord(row: row)
                return FiringSchedule(id: record.id ?? 0, definitionCode: record.processDefinitionCode,
                                      projectCode: row["definitionProjectCode"], schedule: record.wire)
            }
        }
    }
}
