import DagforgeWire
import Foundation
import GRDB

/// The runtime's writes of task instances: one transaction per step of a task's life.
extension EngineStore {
    /// Records a task instance starting now. The previous valid instance of the task (a failed attempt, a
    /// failed-over run) loses `flag YES` in the same transaction; if the task already succeeded in this instance
    /// nothing is written and the success is returned, so a task is never run twice after a recovery.
    func startTask(_ draft: TaskStartDraft, logDirectory: URL, executeDirectory: URL) async throws -> TaskStart {
        let taskParams = draft.task.taskParams.compactString()
        return try await write { db in
            let previous = try TaskInstanceRecord.filter(TaskInstanceRecord.Columns.processInstanceId == draft.processInstanceId)
                .filter(TaskInstanceRecord.Columns.taskCode == draft.task.code)
                .filter(TaskInstanceRecord.Columns.flag == Flag.YES.rawValue).fetchOne(db)
            if var previous {
                if previous.status.isSuccess { return .alreadySucceeded(previous.storedState) }
                // A SUB_PROCESS task still running after a recovery goes on waiting for its child.
                if previous.taskType == TaskType.subProcess && !previous.status.isFinished {
                    let id = previous.id ?? 0
                    return .started(taskInstanceId: id, logPath: previous.logPath ?? Self.logPath(logDirectory, draft, id),
                                    executePath: previous.executePath ?? Self.executePath(executeDirectory, draft, id))
                }
                previous.flag = Flag.NO.rawValue
                try previous.update(db)
            }
            let now = Self.now()
            var record = TaskInstanceRecord(
                id: nil, processInstanceId: draft.processInstanceId, taskCode: draft.task.code,
                taskDefinitionVersion: draft.task.version, name: draft.task.name, taskType: draft.task.taskType,
                state: TaskExecutionStatus.RUNNING_EXECUTION.rawValue, flag: Flag.YES.rawValue,
                retryTimes: draft.retryTimes, maxRetryTimes: max(draft.task.failRetryTimes, 0),
                retryInterval: max(draft.task.failRetryInterval, 0), delayTime: max(draft.task.delayTime, 0),
                taskInstancePriority: draft.priority.rawValue, workerGroup: draft.workerGroup, submitTime: now,
                startTime: now, endTime: nil, host: draft.host, executePath: nil, logPath: nil, pid: 0,
                taskParams: taskParams, varPool: nil, dependentResult: nil, follow: nil)
            try record.insert(db)
            let id = record.id ?? 0
            let logPath = Self.logPath(logDirectory, draft, id)
            let executePath = Self.executePath(executeDirectory, draft, id)
            _ = try TaskInstanceRecord.filter(key: id).updateAll(db, [
                Column("logPath").set(to: logPath), Column("executePath").set(to: executePath),
            ])
            return .started(taskInstanceId: id, logPath: logPath, executePath: executePath)
        }
    }

    private static func logPath(_ directory: URL, _ draft: TaskStartDraft, _ id: Int64) -> String {
        directory.appendingPathComponent("\(draft.processInstanceId)/\(id).log").path
    }

    private static func executePath(_ directory: URL, _ draft: TaskStartDraft, _ id: Int64) -> String {
        directory.appendingPathComponent("\(draft.processInstanceId)/\(id)").path
    }

    /// Records the process group of a running task, so a restarted engine can kill it.
    func recordTaskProcess(id: Int64, pid: Int32) async throws {
        try await write { db in
            _ = try TaskInstanceRecord.filter(key: id).updateAll(db, Column("pid").set(to: Int(pid)))
        }
    }

    /// Records how a task instance ended.
    func finishTask(id: Int64, status: TaskExecutionStatus, varPool: [Property], follow: [Int64]?,
                    dependentResult: String? = nil) async throws {
        let pool = varPool.isEmpty ? nil : try WireJSON.string(varPool)
        let branch = try follow.map { try WireJSON.string($0) }
        try await write { db in
            _ = try TaskInstanceRecord.filter(key: id).updateAll(db, [
                TaskInstanceRecord.Columns.state.set(to: status.rawValue),
                Column("endTime").set(to: Self.now()),
                Column("varPool").set(to: pool),
                Column("follow").set(to: branch),
                Column("dependentResult").set(to: dependentResult),
            ])
        }
    }
}
