import DagforgeWire
import Foundation
import GRDB

/// The runtime's writes of task instances. A step of an instance's walk is one transaction: the end of the task
/// that moved the walk on, the task instances it lets start and, once the walk is over, the instance's end. So
/// the path from an upstream task's end to its downstream task's start waits for one synced commit, not two,
/// and a `kill -9` finds either both recorded or neither (the upstream then still runs and is failed over).
extension EngineStore {
    /// Records `step` in one transaction and returns, for each task in `step.starting`, the task instance to run
    /// (or the success already recorded, see ``TaskStart``).
    func recordStep(_ step: WalkStep, logDirectory: URL, executeDirectory: URL) async throws -> [TaskStart] {
        let ended = try step.ended.map(EncodedTaskEnd.init)
        let instanceEnd = try step.instanceEnd.map { end in
            (id: end.instanceId, state: end.state, varPool: end.varPool.isEmpty ? nil : try WireJSON.string(end.varPool))
        }
        return try await write { db in
            if let ended { try Self.finishTask(db, ended) }
            let starts = try step.starting.map { draft in
                try Self.startTask(db, draft, logDirectory: logDirectory, executeDirectory: executeDirectory)
            }
            if let instanceEnd {
                try Self.finishInstance(db, id: instanceEnd.id, state: instanceEnd.state, varPool: instanceEnd.varPool)
            }
            return starts
        }
    }

    /// Records the process group of a running task with the next commit, so a restarted engine can kill it;
    /// returns at once (the task runs meanwhile), and `failed` is told should the write be lost.
    func recordTaskProcess(id: Int64, pid: Int32, failed: @escaping @Sendable (any Error) -> Void) {
        submit({ db in
            try db.cachedStatement(sql: "UPDATE taskInstance SET pid = ? WHERE id = ?").execute(arguments: [Int(pid), id])
        }, failed: failed)
    }

    /// Records a task instance starting now. The previous valid instance of the task (a failed attempt, a
    /// failed-over run) loses `flag YES` in the same transaction; if the task already succeeded in this instance
    /// nothing is written and the success is returned, so a task is never run twice after a recovery.
    private static func startTask(_ db: Database, _ draft: TaskStartDraft, logDirectory: URL,
                                  executeDirectory: URL) throws -> TaskStart {
        let previous = try TaskInstanceRecord.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM taskInstance WHERE processInstanceId = ? AND taskCode = ? AND flag = 'YES'
            """), arguments: [draft.processInstanceId, draft.task.code])
        if var previous {
            if previous.status.isSuccess { return .alreadySucceeded(previous.storedState) }
            // A SUB_PROCESS task still running after a recovery goes on waiting for its child.
            if previous.taskType == TaskType.subProcess && !previous.status.isFinished {
                let id = previous.id ?? 0
                return .started(taskInstanceId: id, logPath: previous.logPath ?? logPath(logDirectory, draft, id),
                                executePath: previous.executePath ?? executePath(executeDirectory, draft, id))
            }
            previous.flag = Flag.NO.rawValue
            try previous.update(db)
        }
        let now = now()
        // A cached statement with positional arguments: GRDB's record insert encodes every column into a
        // container first, for each task instance.
        try db.cachedStatement(sql: """
            INSERT INTO taskInstance (processInstanceId, taskCode, taskDefinitionVersion, name, taskType, state, flag,
              retryTimes, maxRetryTimes, retryInterval, delayTime, taskInstancePriority, workerGroup, submitTime,
              startTime, host, pid, taskParams)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            """).execute(arguments: [
                draft.processInstanceId, draft.task.code, draft.task.version, draft.task.name, draft.task.taskType,
                TaskExecutionStatus.RUNNING_EXECUTION.rawValue, Flag.YES.rawValue, draft.retryTimes,
                max(draft.task.failRetryTimes, 0), max(draft.task.failRetryInterval, 0), max(draft.task.delayTime, 0),
                draft.priority.rawValue, draft.workerGroup, now, now, draft.host, draft.taskParams,
            ])
        let id = db.lastInsertedRowID
        let log = logPath(logDirectory, draft, id)
        let execute = executePath(executeDirectory, draft, id)
        try db.cachedStatement(sql: "UPDATE taskInstance SET logPath = ?, executePath = ? WHERE id = ?")
            .execute(arguments: [log, execute, id])
        return .started(taskInstanceId: id, logPath: log, executePath: execute)
    }

    /// Records how a task instance ended.
    private static func finishTask(_ db: Database, _ end: EncodedTaskEnd) throws {
        try db.cachedStatement(sql: """
            UPDATE taskInstance SET state = ?, endTime = ?, varPool = ?, follow = ?, dependentResult = ? WHERE id = ?
            """).execute(arguments: [end.status.rawValue, now(), end.varPool, end.follow, end.dependentResult,
                                     end.taskInstanceId])
    }

    // Joined as text: `appendingPathComponent` without a directory hint asks the file system (a `stat`) each time.
    private static func logPath(_ directory: URL, _ draft: TaskStartDraft, _ id: Int64) -> String {
        "\(directory.path)/\(draft.processInstanceId)/\(id).log"
    }

    private static func executePath(_ directory: URL, _ draft: TaskStartDraft, _ id: Int64) -> String {
        "\(directory.path)/\(draft.processInstanceId)/\(id)"
    }
}

/// A task's end with its JSON columns encoded before the write (off the writer).
private struct EncodedTaskEnd: Sendable {
    var taskInstanceId: Int64
    var status: TaskExecutionStatus
    var varPool: String?
    var follow: String?
    var dependentResult: String?

    init(_ end: TaskEnd) throws {
        taskInstanceId = end.taskInstanceId
        status = end.status
        varPool = end.varPool.isEmpty ? nil : try WireJSON.string(end.varPool)
        follow = try end.follow.map { try WireJSON.string($0) }
        dependentResult = end.dependentResult
    }
}
