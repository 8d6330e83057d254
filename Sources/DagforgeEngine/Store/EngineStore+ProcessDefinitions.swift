import DagforgeWire
import GRDB

extension EngineStore {
    /// Stores a new workflow as version 1 (OFFLINE unless the draft says otherwise, as an import may).
    func createDefinition(code: Int64, draft: WorkflowDraft, userId: Int64) async throws -> ProcessDefinition {
        try await write { db in
            let now = Self.now()
            var record = ProcessDefinitionRecord(
                id: nil, code: code, projectCode: draft.projectCode, name: draft.name, version: 1,
                releaseState: draft.releaseState.rawValue, description: draft.description,
                globalParams: draft.globalParams, locations: draft.locations, timeout: draft.timeout,
                executionType: draft.executionType.rawValue, warningGroupId: nil, userId: userId,
                createTime: now, updateTime: now)
            try record.insert(db)
            try Self.writeDag(db, definition: record, draft: draft, userId: userId, now: now)
            return record.wire
        }
    }

    /// Replaces workflow `code` with `draft` as a new version `max + 1`. Returns the definition as it was
    /// before (DolphinScheduler answers with that), nil when it does not exist.
    func updateDefinition(code: Int64, draft: WorkflowDraft, userId: Int64) async throws -> ProcessDefinition? {
        try await write { db in
            guard var record = try ProcessDefinitionRecord.filter(ProcessDefinitionRecord.Columns.code == code).fetchOne(db) else {
                return nil
            }
            let previous = record.wire
            let now = Self.now()
            let maxVersion = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM processDefinitionLog WHERE code = ?",
                                              arguments: [code]) ?? record.version
            record.name = draft.name
            record.description = draft.description
            record.globalParams = draft.globalParams
            record.locations = draft.locations
            record.timeout = draft.timeout
            record.executionType = draft.executionType.rawValue
            record.version = maxVersion + 1
            record.updateTime = now
            try record.update(db)
            try Self.writeDag(db, definition: record, draft: draft, userId: userId, now: now)
            return previous
        }
    }

    func definition(code: Int64) async throws -> ProcessDefinition? {
        try await read { db in
            // A cached statement: every start call reads its workflow (a query-interface request compiles anew).
            try ProcessDefinitionRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM processDefinition WHERE code = ?"),
                                                 arguments: [code])?.wire
        }
    }

    func definition(projectCode: Int64, name: String) async throws -> ProcessDefinition? {
        try await read { db in
            try ProcessDefinitionRecord.filter(ProcessDefinitionRecord.Columns.projectCode == projectCode)
                .filter(ProcessDefinitionRecord.Columns.name == name).fetchOne(db)?.wire
        }
    }

    func definitionCount(projectCode: Int64) async throws -> Int {
        try await read { db in
            try ProcessDefinitionRecord.filter(ProcessDefinitionRecord.Columns.projectCode == projectCode).fetchCount(db)
        }
    }

    /// All workflows of a project, newest first.
    func definitions(projectCode: Int64) async throws -> [ProcessDefinition] {
        try await read { db in
            try ProcessDefinitionRecord.filter(ProcessDefinitionRecord.Columns.projectCode == projectCode)
                .order(Column("id").desc).fetchAll(db).map(\.wire)
        }
    }

    /// Workflows of a project matching `searchVal` in name or description, most recently updated first, each
    /// with its schedule and creator name (the paged list's extra fields).
    func definitions(projectCode: Int64, searchVal: String?, userId: Int64?, page: PageRequest) async throws -> StorePage<ProcessDefinition> {
        try await read { db in
            var conditions = ["processDefinition.projectCode = ?"]
            var arguments: StatementArguments = [projectCode]
            if let searchVal, !searchVal.isEmpty {
                conditions.append("(processDefinition.name LIKE ? ESCAPE '\\' OR processDefinition.description LIKE ? ESCAPE '\\')")
                arguments += [containsPattern(searchVal), containsPattern(searchVal)]
            }
            if let userId {
                conditions.append("processDefinition.userId = ?")
                arguments += [userId]
            }
            let filter = " WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM processDefinition" + filter, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT processDefinition.*, user.userName AS ownerName FROM processDefinition
                LEFT JOIN user ON user.id = processDefinition.userId
                """ + filter + " ORDER BY processDefinition.updateTime DESC, processDefinition.id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [page.pageSize, page.offset])
            var items: [ProcessDefinition] = []
            for row in rows {
                var definition = try ProcessDefinitionRecord(row: row).wire
                definition.userName = row["ownerName"]
                definition.modifyBy = row["ownerName"]
                if let schedule = try ScheduleRecord.filter(ScheduleRecord.Columns.processDefinitionCode == definition.code).fetchOne(db) {
                    definition.schedule = schedule.wire
                    definition.scheduleReleaseState = schedule.wire.releaseState
                }
                items.append(definition)
            }
            return StorePage(items: items, total: total)
        }
    }

    /// Sets the release state; going OFFLINE also takes the workflow's schedule offline.
    func releaseDefinition(code: Int64, state: ReleaseState) async throws {
        try await write { db in
            let now = Self.now()
            try db.execute(sql: "UPDATE processDefinition SET releaseState = ?, updateTime = ? WHERE code = ?",
                           arguments: [state.rawValue, now, code])
            if state == .OFFLINE {
                try db.execute(sql: "UPDATE schedule SET releaseState = 'OFFLINE', updateTime = ? WHERE processDefinitionCode = ?",
                               arguments: [now, code])
            }
        }
    }

    /// Number of edges of the current version of workflow `code`.
    func relationCount(definitionCode code: Int64) async throws -> Int {
        try await read { db in
            try ProcessTaskRelationRecord.filter(ProcessTaskRelationRecord.Columns.processDefinitionCode == code).fetchCount(db)
        }
    }

    /// The workflows that workflow `code` points at through SUB_PROCESS tasks, or through DEPENDENT tasks.
    func referencedDefinitions(from code: Int64, kind: WorkflowReference.Kind) async throws -> [ProcessDefinition] {
        try await read { db in
            try ProcessDefinitionRecord.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT processDefinition.* FROM definitionReference
                JOIN processDefinition ON processDefinition.code = definitionReference.targetCode
                WHERE definitionReference.sourceCode = ? AND definitionReference.kind = ?
                """), arguments: [code, kind.rawValue]).map(\.wire)
        }
    }

    /// `workflowName:taskName` of every task of another workflow pointing at workflow `code`.
    func referencesTo(definitionCode code: Int64) async throws -> [String] {
        try await read { db in
            try String.fetchAll(db, sql: """
                SELECT processDefinition.name || ':' || definitionReference.sourceTaskName FROM definitionReference
                JOIN processDefinition ON processDefinition.code = definitionReference.sourceCode
                WHERE definitionReference.targetCode = ? AND definitionReference.sourceCode != ?
                ORDER BY processDefinition.name, definitionReference.sourceTaskName
                """, arguments: [code, code])
        }
    }

    /// Deletes workflow `code` with its versions, edges, schedule and the tasks only it uses.
    func deleteDefinition(code: Int64) async throws {
        try await write { db in
            let taskCodes = try Int64.fetchSet(db, sql: """
                SELECT postTaskCode FROM processTaskRelation WHERE processDefinitionCode = ?
                UNION SELECT preTaskCode FROM processTaskRelation WHERE processDefinitionCode = ? AND preTaskCode != 0
                """, arguments: [code, code])
            try ProcessDefinitionRecord.filter(ProcessDefinitionRecord.Columns.code == code).deleteAll(db)
            try ProcessDefinitionLogRecord.filter(ProcessDefinitionLogRecord.Columns.code == code).deleteAll(db)
            let stillUsed = try Int64.fetchSet(db, sql: "SELECT postTaskCode FROM processTaskRelation UNION SELECT preTaskCode FROM processTaskRelation")
            let orphans = Array(taskCodes.subtracting(stillUsed))
            try TaskDefinitionRecord.filter(orphans.contains(TaskDefinitionRecord.Columns.code)).deleteAll(db)
            try TaskDefinitionLogRecord.filter(orphans.contains(TaskDefinitionLogRecord.Columns.code)).deleteAll(db)
        }
    }
}

/// One workflow of an import: its new code, its DAG and the schedule that came with it.
struct ImportedWorkflow: Sendable {
    let code: Int64
    let draft: WorkflowDraft
    let schedule: ScheduleDraft?
    let scheduleState: ReleaseState
}

extension EngineStore {
    /// Stores every imported workflow (and its schedule) in one transaction; returns the last one.
    func importDefinitions(_ workflows: [ImportedWorkflow], userId: Int64) async throws -> ProcessDefinition? {
        try await write { db in
            let now = Self.now()
            var last: ProcessDefinition?
            for workflow in workflows {
                let draft = workflow.draft
                var record = ProcessDefinitionRecord(
                    id: nil, code: workflow.code, projectCode: draft.projectCode, name: draft.name, version: 1,
                    releaseState: draft.releaseState.rawValue, description: draft.description,
                    globalParams: draft.globalParams, locations: draft.locations, timeout: draft.timeout,
                    executionType: draft.executionType.rawValue, warningGroupId: nil, userId: userId,
                    createTime: now, updateTime: now)
                try record.insert(db)
                try Self.writeDag(db, definition: record, draft: draft, userId: userId, now: now)
                if let schedule = workflow.schedule {
                    var row = ScheduleRecord(
                        id: nil, processDefinitionCode: workflow.code, startTime: schedule.startTime,
                        endTime: schedule.endTime, timezoneId: schedule.timezoneId, crontab: schedule.crontab,
                        failureStrategy: schedule.failureStrategy.rawValue, warningType: schedule.warningType.rawValue,
                        warningGroupId: schedule.warningGroupId,
                        processInstancePriority: schedule.processInstancePriority?.rawValue,
                        workerGroup: schedule.workerGroup, tenantCode: schedule.tenantCode,
                        environmentCode: schedule.environmentCode, releaseState: workflow.scheduleState.rawValue,
                        userId: userId, createTime: now, updateTime: now)
                    try row.insert(db)
                }
                last = record.wire
            }
            return last
        }
    }

    /// Whether workflow name `name` is used in the project.
    func definitionNameTaken(projectCode: Int64, name: String) async throws -> Bool {
        try await read { db in
            try ProcessDefinitionRecord.filter(ProcessDefinitionRecord.Columns.projectCode == projectCode)
                .filter(ProcessDefinitionRecord.Columns.name == name).fetchCount(db) > 0
        }
    }
}
