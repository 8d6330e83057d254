import DagforgeWire
import GRDB

/// Task-definition and edge queries (reference §6.7, §6.8).
extension EngineStore {
    /// The current version of task `code`, server fields filled in.
    func task(code: Int64) async throws -> TaskDefinition? {
        try await read { db in
            guard let current = try TaskDefinitionRecord.filter(TaskDefinitionRecord.Columns.code == code).fetchOne(db),
                  let log = try TaskDefinitionLogRecord.filter(TaskDefinitionLogRecord.Columns.code == code)
                    .filter(TaskDefinitionLogRecord.Columns.version == current.version).fetchOne(db) else { return nil }
            var task = try log.wire()
            task.id = Int(current.id ?? 0)
            return task
        }
    }

    /// The tasks directly upstream (or downstream) of task `code` in current workflow versions, at the
    /// versions the edges pin.
    func neighbourTasks(taskCode code: Int64, upstream: Bool) async throws -> [TaskDefinition] {
        try await read { db in
            let sql = upstream
                ? "SELECT DISTINCT preTaskCode, preTaskVersion FROM processTaskRelation WHERE postTaskCode = ? AND preTaskCode != 0"
                : "SELECT DISTINCT postTaskCode, postTaskVersion FROM processTaskRelation WHERE preTaskCode = ?"
            return try Row.fetchAll(db, sql: sql, arguments: [code]).compactMap { row in
                try TaskDefinitionLogRecord.filter(TaskDefinitionLogRecord.Columns.code == (row[0] as Int64))
                    .filter(TaskDefinitionLogRecord.Columns.version == (row[1] as Int)).fetchOne(db)?.wire()
            }
        }
    }

    func taskVersions(code: Int64, page: PageRequest) async throws -> StorePage<TaskDefinition> {
        try await read { db in
            let request = TaskDefinitionLogRecord.filter(TaskDefinitionLogRecord.Columns.code == code)
            let total = try request.fetchCount(db)
            let items = try request.order(TaskDefinitionLogRecord.Columns.version.desc)
                .limit(page.pageSize, offset: page.offset).fetchAll(db).map { try $0.wire() }
            return StorePage(items: items, total: total)
        }
    }

    /// Current tasks of a project with the workflow each belongs to (the task list page).
    func taskRows(projectCode: Int64, searchTaskName: String?, taskType: String?, page: PageRequest) async throws -> StorePage<TaskListRow> {
        try await read { db in
            var conditions = ["taskDefinition.projectCode = ?"]
            var arguments: StatementArguments = [projectCode]
            if let searchTaskName, !searchTaskName.isEmpty {
                conditions.append("taskDefinition.name LIKE ? ESCAPE '\\'")
                arguments += [containsPattern(searchTaskName)]
            }
            if let taskType, !taskType.isEmpty {
                conditions.append("taskDefinition.taskType = ?")
                arguments += [taskType]
            }
            let filter = " WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM taskDefinition" + filter, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT taskDefinition.*, pd.code AS pdCode, pd.version AS pdVersion, pd.name AS pdName,
                       pd.releaseState AS pdState
                FROM taskDefinition
                LEFT JOIN processTaskRelation r ON r.postTaskCode = taskDefinition.code
                LEFT JOIN processDefinition pd ON pd.code = r.processDefinitionCode
                """ + filter + " GROUP BY taskDefinition.id ORDER BY taskDefinition.updateTime DESC LIMIT ? OFFSET ?",
                arguments: arguments + [page.pageSize, page.offset])
            var items: [TaskListRow] = []
            for row in rows {
                let record = try TaskDefinitionRecord(row: row)
                let upstream = try Row.fetchAll(db, sql: """
                    SELECT t.code AS code, t.name AS name FROM processTaskRelation r
                    JOIN taskDefinition t ON t.code = r.preTaskCode WHERE r.postTaskCode = ?
                    """, arguments: [record.code]).map { TaskListRow.Upstream(code: $0["code"], name: $0["name"]) }
                items.append(TaskListRow(
                    id: record.id ?? 0, taskName: record.name, taskCode: record.code, taskVersion: record.version,
                    taskType: record.taskType, taskCreateTime: record.createTime, taskUpdateTime: record.updateTime,
                    projectCode: record.projectCode, processDefinitionCode: row["pdCode"],
                    processDefinitionVersion: row["pdVersion"], processDefinitionName: row["pdName"],
                    processReleaseState: row["pdState"], upstream: upstream))
            }
            return StorePage(items: items, total: total)
        }
    }
}

/// One row of the task-definition list page.
struct TaskListRow: Sendable {
    struct Upstream: Sendable {
        let code: Int64
        let name: String
    }

    let id: Int64
    let taskName: String
    let taskCode: Int64
    let taskVersion: Int
    let taskType: String
    let taskCreateTime: String
    let taskUpdateTime: String
    let projectCode: Int64
    let processDefinitionCode: Int64?
    let processDefinitionVersion: Int?
    let processDefinitionName: String?
    let processReleaseState: String?
    let upstream: [Upstream]
}

extension EngineStore {
    /// Edges into task `code` in current workflow versions, root edges left out.
    func incomingRelations(taskCode code: Int64) async throws -> [ProcessTaskRelation] {
        try await read { db in
            try ProcessTaskRelationRecord.fetchAll(db, sql: """
                SELECT r.* FROM processTaskRelation r WHERE r.postTaskCode = ? AND r.preTaskCode != 0
                """, arguments: [code]).map { $0.wire(operator: 0, operateTime: $0.updateTime) }
        }
    }
}
