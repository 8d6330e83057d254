import DagforgeWire
import Foundation
import GRDB

/// Reading and managing process instances for the REST API.
extension EngineStore {
    /// Top-level instances of a project, newest start first, with their executor's name.
    func processInstances(projectCode: Int64, filter: InstanceFilter, page: PageRequest) async throws -> StorePage<ProcessInstance> {
        try await read { db in
            var conditions = ["pi.projectCode = ?", "pi.parentTaskInstanceId IS NULL"]
            var arguments: StatementArguments = [projectCode]
            if let code = filter.definitionCode { conditions.append("pi.processDefinitionCode = ?"); arguments += [code] }
            if let search = filter.searchVal, !search.isEmpty {
                conditions.append("pi.name LIKE ? ESCAPE '\\'"); arguments += [containsPattern(search)]
            }
            if let state = filter.state { conditions.append("pi.state = ?"); arguments += [state.rawValue] }
            if let host = filter.host, !host.isEmpty { conditions.append("pi.host = ?"); arguments += [host] }
            if let start = filter.startDate, !start.isEmpty { conditions.append("pi.startTime >= ?"); arguments += [start] }
            if let end = filter.endDate, !end.isEmpty { conditions.append("pi.startTime <= ?"); arguments += [end] }
            let clause = " WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM processInstance pi" + clause, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT pi.*, user.userName AS executorName FROM processInstance pi LEFT JOIN user ON user.id = pi.executorId
                """ + clause + " ORDER BY pi.startTime DESC, pi.id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [page.pageSize, page.offset])
            let items = try rows.map { row in
                var instance = try ProcessInstanceRecord(row: row).wire
                instance.executorName = row["executorName"]
                return instance
            }
            return StorePage(items: items, total: total)
        }
    }

    /// The instances created by the commands of one start (`triggerCode`).
    func processInstances(projectCode: Int64, triggerCode: Int64) async throws -> [ProcessInstance] {
        try await read { db in
            try ProcessInstanceRecord.filter(ProcessInstanceRecord.Columns.triggerCode == triggerCode)
                .filter(Column("projectCode") == projectCode).order(ProcessInstanceRecord.Columns.id).fetchAll(db).map(\.wire)
        }
    }

    /// Instance `id` with the DagData of the definition version it runs.
    func processInstance(id: Int64, withDag: Bool) async throws -> ProcessInstance? {
        try await read { db in
            guard let record = try ProcessInstanceRecord.fetchOne(db, key: id) else { return nil }
            var instance = record.wire
            instance.executorName = try String.fetchOne(db, sql: "SELECT userName FROM user WHERE id = ?", arguments: [record.executorId])
            guard withDag, let row = try Row.fetchOne(db, sql: "SELECT * FROM processDefinitionLog WHERE code = ? AND version = ?",
                                                      arguments: [record.processDefinitionCode, record.processDefinitionVersion]) else {
                return instance
            }
            var definition = try ProcessDefinitionRecord(row: row).wire
            definition.id = try Int.fetchOne(db, sql: "SELECT id FROM processDefinition WHERE code = ?",
                                             arguments: [record.processDefinitionCode]) ?? definition.id
            instance.dagData = DagData(
                processDefinition: definition,
                processTaskRelationList: try WireJSON.decode([ProcessTaskRelation].self, from: row["relationsJSON"] as String),
                taskDefinitionList: try WireJSON.decode([TaskDefinition].self, from: row["tasksJSON"] as String))
            instance.locations = definition.locations
            return instance
        }
    }

    /// Deletes a finished instance with its task instances and sub-process instances; returns the log files
    /// to remove.
    func deleteProcessInstance(id: Int64) async throws -> [String] {
        try await write { db in
            var pending = [id]
            var logs: [String] = []
            while let next = pending.popLast() {
                let tasks = try TaskInstanceRecord.filter(TaskInstanceRecord.Columns.processInstanceId == next).fetchAll(db)
                logs += tasks.compactMap(\.logPath)
                pending += try Int64.fetchAll(db, sql: "SELECT id FROM processInstance WHERE parentTaskInstanceId IN (SELECT id FROM taskInstance WHERE processInstanceId = ?)",
                                              arguments: [next])
                _ = try ProcessInstanceRecord.deleteOne(db, key: next)
            }
            return logs
        }
    }

    /// The valid (`flag YES`) task instances of an instance, in start order.
    func taskInstances(processInstanceId id: Int64) async throws -> [TaskInstance] {
        try await read { db in
            guard let instance = try ProcessInstanceRecord.fetchOne(db, key: id) else { return [] }
            let definitionName = try String.fetchOne(db, sql: "SELECT name FROM processDefinition WHERE code = ?",
                                                     arguments: [instance.processDefinitionCode])
            return try TaskInstanceRecord.filter(TaskInstanceRecord.Columns.processInstanceId == id)
                .filter(TaskInstanceRecord.Columns.flag == Flag.YES.rawValue).order(TaskInstanceRecord.Columns.id)
                .fetchAll(db).map { $0.wire(projectCode: instance.projectCode, instance: instance, definitionName: definitionName) }
        }
    }

    /// Task instances of a project, newest first.
    func taskInstances(projectCode: Int64, filter: TaskInstanceFilter, page: PageRequest) async throws -> StorePage<TaskInstance> {
        try await read { db in
            var conditions = ["pi.projectCode = ?"]
            var arguments: StatementArguments = [projectCode]
            if let id = filter.processInstanceId { conditions.append("ti.processInstanceId = ?"); arguments += [id] }
            if let name = filter.processInstanceName, !name.isEmpty { conditions.append("pi.name = ?"); arguments += [name] }
            if let search = filter.searchVal, !search.isEmpty {
                conditions.append("ti.name LIKE ? ESCAPE '\\'"); arguments += [containsPattern(search)]
            }
            if let name = filter.taskName, !name.isEmpty { conditions.append("ti.name = ?"); arguments += [name] }
            if let code = filter.taskCode { conditions.append("ti.taskCode = ?"); arguments += [code] }
            if let state = filter.state { conditions.append("ti.state = ?"); arguments += [state.rawValue] }
            if let host = filter.host, !host.isEmpty { conditions.append("ti.host = ?"); arguments += [host] }
            if let start = filter.startDate, !start.isEmpty { conditions.append("ti.startTime >= ?"); arguments += [start] }
            if let end = filter.endDate, !end.isEmpty { conditions.append("ti.startTime <= ?"); arguments += [end] }
            let clause = " FROM taskInstance ti JOIN processInstance pi ON pi.id = ti.processInstanceId WHERE "
                + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*)" + clause, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT ti.*, pi.id AS instanceId" + clause
                                        + " ORDER BY ti.startTime DESC, ti.id DESC LIMIT ? OFFSET ?",
                                        arguments: arguments + [page.pageSize, page.offset])
            var instances: [Int64: ProcessInstanceRecord] = [:]
            var names: [Int64: String] = [:]
            let items = try rows.map { row -> TaskInstance in
                let task = try TaskInstanceRecord(row: row)
                if instances[task.processInstanceId] == nil, let instance = try ProcessInstanceRecord.fetchOne(db, key: task.processInstanceId) {
                    instances[task.processInstanceId] = instance
                    names[task.processInstanceId] = try String.fetchOne(db, sql: "SELECT name FROM processDefinition WHERE code = ?",
                                                                         arguments: [instance.processDefinitionCode])
                }
                var wire = task.wire(projectCode: projectCode, instance: instances[task.processInstanceId],
                                     definitionName: names[task.processInstanceId])
                wire.executorName = try String.fetchOne(db, sql: "SELECT userName FROM user WHERE id = ?", arguments: [wire.executorId])
                return wire
            }
            return StorePage(items: items, total: total)
        }
    }

    /// A task instance with the state of its process instance.
    func taskInstance(id: Int64) async throws -> (task: TaskInstance, instanceState: WorkflowExecutionStatus)? {
        try await read { db in
            guard let task = try TaskInstanceRecord.fetchOne(db, key: id),
                  let instance = try ProcessInstanceRecord.fetchOne(db, key: task.processInstanceId) else { return nil }
            return (task.wire(projectCode: instance.projectCode, instance: instance, definitionName: nil), instance.status)
        }
    }

    /// FORCED_SUCCESS for a failed task of a finished instance; a FAILURE instance whose valid tasks all
    /// succeeded then becomes SUCCESS.
    func forceTaskSuccess(id: Int64) async throws {
        try await write { db in
            guard let task = try TaskInstanceRecord.fetchOne(db, key: id) else { return }
            _ = try TaskInstanceRecord.filter(key: id).updateAll(db, TaskInstanceRecord.Columns.state.set(to: TaskExecutionStatus.FORCED_SUCCESS.rawValue))
            let failed = try TaskInstanceRecord.filter(TaskInstanceRecord.Columns.processInstanceId == task.processInstanceId)
                .filter(TaskInstanceRecord.Columns.flag == Flag.YES.rawValue)
                .filter(![TaskExecutionStatus.SUCCESS, .FORCED_SUCCESS].map(\.rawValue).contains(TaskInstanceRecord.Columns.state))
                .fetchCount(db)
            if failed == 0 {
                try ProcessInstanceRecord.filter(key: task.processInstanceId)
                    .filter(ProcessInstanceRecord.Columns.state == WorkflowExecutionStatus.FAILURE.rawValue)
                    .updateAll(db, ProcessInstanceRecord.Columns.state.set(to: WorkflowExecutionStatus.SUCCESS.rawValue))
            }
        }
    }

    /// The latest instance of workflow `definitionCode` whose schedule time (or start time, for a run without
    /// one) lies in `window`, for DEPENDENT tasks.
    func latestInstance(definitionCode: Int64, from: String, to: String) async throws -> (id: Int64, state: WorkflowExecutionStatus)? {
        try await read { db in
            guard let record = try ProcessInstanceRecord.fetchOne(db, sql: """
                SELECT * FROM processInstance WHERE processDefinitionCode = ?
                  AND COALESCE(scheduleTime, startTime) >= ? AND COALESCE(scheduleTime, startTime) < ?
                ORDER BY id DESC LIMIT 1
                """, arguments: [definitionCode, from, to]) else { return nil }
            return (record.id ?? 0, record.status)
        }
    }

    /// The state of each valid task instance of an instance.
    func taskStates(processInstanceId id: Int64) async throws -> [Int64: TaskExecutionStatus] {
        try await read { db in
            let tasks = try TaskInstanceRecord.filter(TaskInstanceRecord.Columns.processInstanceId == id)
                .filter(TaskInstanceRecord.Columns.flag == Flag.YES.rawValue).fetchAll(db)
            return Dictionary(tasks.map { ($0.taskCode, $0.status) }, uniquingKeysWith: { _, last in last })
        }
    }
}
