import DagforgeWire
import GRDB

/// Workflow versions (reference §10.4): list, switch, delete.
extension EngineStore {
    func definitionVersions(code: Int64, page: PageRequest) async throws -> StorePage<ProcessDefinition> {
        try await read { db in
            let request = ProcessDefinitionLogRecord.filter(ProcessDefinitionLogRecord.Columns.code == code)
            let total = try request.fetchCount(db)
            let items = try request.order(ProcessDefinitionLogRecord.Columns.version.desc)
                .limit(page.pageSize, offset: page.offset).fetchAll(db).map(\.wire)
            return StorePage(items: items, total: total)
        }
    }

    func definitionVersionExists(code: Int64, version: Int) async throws -> Bool {
        try await read { db in
            try ProcessDefinitionLogRecord.filter(ProcessDefinitionLogRecord.Columns.code == code)
                .filter(ProcessDefinitionLogRecord.Columns.version == version).fetchCount(db) > 0
        }
    }

    /// Makes stored version `version` the current one (OFFLINE): definition fields, edges and the task
    /// versions it pins. No new version is written.
    func switchDefinitionVersion(code: Int64, version: Int) async throws {
        try await write { db in
            guard var record = try ProcessDefinitionRecord.filter(ProcessDefinitionRecord.Columns.code == code).fetchOne(db),
                  let log = try ProcessDefinitionLogRecord.filter(ProcessDefinitionLogRecord.Columns.code == code)
                    .filter(ProcessDefinitionLogRecord.Columns.version == version).fetchOne(db) else { return }
            let now = Self.now()
            record.name = log.name
            record.description = log.description
            record.globalParams = log.globalParams
            record.locations = log.locations
            record.timeout = log.timeout
            record.executionType = log.executionType
            record.version = version
            record.releaseState = ReleaseState.OFFLINE.rawValue
            record.updateTime = now
            try record.update(db)

            let relations = try WireJSON.decode([ProcessTaskRelation].self, from: log.relationsJSON)
            let tasks = try WireJSON.decode([TaskDefinition].self, from: log.tasksJSON)
            try ProcessTaskRelationRecord.filter(ProcessTaskRelationRecord.Columns.processDefinitionCode == code).deleteAll(db)
            for edge in relations {
                var row = ProcessTaskRelationRecord(
                    id: nil, projectCode: record.projectCode, processDefinitionCode: code,
                    processDefinitionVersion: version, preTaskCode: edge.preTaskCode, preTaskVersion: edge.preTaskVersion,
                    postTaskCode: edge.postTaskCode, postTaskVersion: edge.postTaskVersion, name: edge.name,
                    conditionType: edge.conditionType?.rawValue, conditionParams: edge.conditionParams.compactString(),
                    createTime: now, updateTime: now)
                try row.insert(db)
            }
            for task in tasks {
                try db.execute(sql: """
                    UPDATE taskDefinition SET version = ?, name = ?, taskType = ?, content = ?, updateTime = ? WHERE code = ?
                    """, arguments: [task.version, task.name, task.taskType, try Self.taskContent(task), now, task.code])
            }
            try Self.replaceReferences(db, sourceCode: code, tasks: tasks)
        }
    }

    func deleteDefinitionVersion(code: Int64, version: Int) async throws {
        try await write { db in
            _ = try ProcessDefinitionLogRecord.filter(ProcessDefinitionLogRecord.Columns.code == code)
                .filter(ProcessDefinitionLogRecord.Columns.version == version).deleteAll(db)
        }
    }
}
