import DagforgeWire
import Foundation
import GRDB

/// Writing one workflow version: task versions, pinned edges, the version's log row with its DAG JSON, and
/// the cross-workflow references. Shared by create, update and import; runs inside their transaction.
extension EngineStore {
    /// The compact JSON a task is compared and stored by: its wire form without code, version and server fields.
    static func taskContent(_ task: TaskDefinition) throws -> String {
        var content = task
        content.code = 0
        content.version = 0
        content.id = nil
        return try WireJSON.string(content)
    }

    /// Stores `draft` as version `definition.version` of `definition` (already inserted or updated).
    static func writeDag(_ db: Database, definition: ProcessDefinitionRecord, draft: WorkflowDraft, userId: Int64,
                         now: String) throws {
        // Per code, the version the DAG pins and the draft task its content was written from (the last of a code).
        var pinned: [Int64: (log: TaskDefinitionLogRecord, task: TaskDefinition)] = [:]
        for task in draft.tasks {
            pinned[task.code] = (try saveTaskVersion(db, task: task, projectCode: draft.projectCode, userId: userId, now: now), task)
        }

        try ProcessTaskRelationRecord.filter(ProcessTaskRelationRecord.Columns.processDefinitionCode == definition.code)
            .deleteAll(db)
        var relations: [ProcessTaskRelation] = []
        var dagTasks: [TaskDefinition] = []
        var seenTasks: Set<Int64> = []
        for edge in draft.relations {
            var record = ProcessTaskRelationRecord(
                id: nil, projectCode: draft.projectCode, processDefinitionCode: definition.code,
                processDefinitionVersion: definition.version, preTaskCode: edge.preTaskCode,
                preTaskVersion: edge.preTaskCode == 0 ? 0 : pinned[edge.preTaskCode]?.log.version ?? 0,
                postTaskCode: edge.postTaskCode, postTaskVersion: pinned[edge.postTaskCode]?.log.version ?? 0,
                name: edge.name, conditionType: (edge.conditionType ?? .NONE).rawValue,
                conditionParams: edge.conditionParams.compactString(), createTime: now, updateTime: now)
            try record.insert(db)
            relations.append(record.wire(operator: userId, operateTime: now))
            for code in [edge.preTaskCode, edge.postTaskCode] where code != 0 && !seenTasks.contains(code) {
                if let (log, task) = pinned[code] {
                    seenTasks.insert(code)
                    dagTasks.append(log.wire(writtenFrom: task))
                }
            }
        }

        var log = ProcessDefinitionLogRecord(definition, operator: userId, operateTime: now,
                                             relationsJSON: try WireJSON.string(relations),
                                             tasksJSON: try WireJSON.string(dagTasks))
        try ProcessDefinitionLogRecord.filter(ProcessDefinitionLogRecord.Columns.code == definition.code)
            .filter(ProcessDefinitionLogRecord.Columns.version == definition.version).deleteAll(db)
        try log.insert(db)
        try replaceReferences(db, sourceCode: definition.code, tasks: dagTasks)
    }

    static func replaceReferences(_ db: Database, sourceCode: Int64, tasks: [TaskDefinition]) throws {
        try DefinitionReferenceRecord.filter(DefinitionReferenceRecord.Columns.sourceCode == sourceCode).deleteAll(db)
        for reference in WorkflowReference.extract(from: tasks) {
            try DefinitionReferenceRecord(sourceCode: sourceCode, sourceTaskName: reference.taskName,
                                          targetCode: reference.targetCode, kind: reference.kind.rawValue).insert(db)
        }
    }

    /// DolphinScheduler's task versioning (reference §10.4): an unknown `(code, version)` is stored as given,
    /// an equal one is reused, a changed one becomes version `max + 1`. Returns the version the DAG pins.
    private static func saveTaskVersion(_ db: Database, task: TaskDefinition, projectCode: Int64, userId: Int64,
                                        now: String) throws -> TaskDefinitionLogRecord {
        let content = try taskContent(task)
        let requested = max(task.version, 1)
        // Cached statements: a 10-task workflow runs these 30 times, and preparing them was a third of a create.
        let existing = try TaskDefinitionLogRecord.fetchOne(
            try db.cachedStatement(sql: "SELECT * FROM taskDefinitionLog WHERE code = ? AND version = ?"),
            arguments: [task.code, requested])
        if let existing, existing.content == content { return existing }
        let version = existing == nil ? requested : try Int.fetchOne(
            try db.cachedStatement(sql: "SELECT MAX(version) FROM taskDefinitionLog WHERE code = ?"),
            arguments: [task.code]).map { $0 + 1 } ?? 1
        var log = TaskDefinitionLogRecord(id: nil, code: task.code, version: version, projectCode: projectCode,
                                          name: task.name, taskType: task.taskType, content: content, userId: userId,
                                          createTime: now, updateTime: now, operator: userId, operateTime: now)
        try log.insert(db)
        if var current = try TaskDefinitionRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM taskDefinition WHERE code = ?"),
                                                           arguments: [task.code]) {
            current.version = version
            current.name = task.name
            current.taskType = task.taskType
            current.content = content
            current.updateTime = now
            try current.update(db)
        } else {
            var current = TaskDefinitionRecord(id: nil, code: task.code, version: version, projectCode: projectCode,
                                               name: task.name, taskType: task.taskType, content: content,
                                               userId: userId, createTime: now, updateTime: now)
            try current.insert(db)
        }
        return log
    }
}
