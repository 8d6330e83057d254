import DagforgeWire
import Foundation
import GRDB

/// The persistent command queue: starts, backfills, schedule fires and reruns wait here until the runtime
/// claims them. Claiming a command and creating (or reopening) its instance is one transaction, so a command
/// produces exactly one instance whatever moment the engine is killed at.
extension EngineStore {
    /// Queues commands in one transaction. A schedule fire already queued for the same time is ignored
    /// (UNIQUE(scheduleId, scheduleTime)); returns how many were queued.
    @discardableResult
    func acceptCommands(_ drafts: [CommandDraft]) async throws -> Int {
        try await write { db in
            let now = Self.now()
            var accepted = 0
            for draft in drafts {
                var record = CommandRecord(draft, createTime: now)
                try record.insert(db, onConflict: draft.scheduleId == nil ? .abort : .ignore)
                if db.changesCount > 0 { accepted += 1 }
            }
            return accepted
        }
    }

    /// Claims up to `limit` queued commands in queue order, creating or reopening their instances; returns the
    /// ids of the instances to run. A backfill command waits while its trigger already runs `parallelism`
    /// instances. `host` is this engine's address, recorded on the instances.
    func claimCommands(limit: Int, host: String) async throws -> [Int64] {
        try await write { db in
            // Cached statements (the limit bound, not written into the SQL): a burst claims many times a second.
            let queued = try CommandRecord.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM command WHERE claimedInstanceId IS NULL ORDER BY id LIMIT ?
                """), arguments: [limit * 4])
            var claimed: [Int64] = []
            var busyTriggers: [Int64: Int] = [:]
            for command in queued where claimed.count < limit {
                if command.parallelism > 0 {
                    let running = try busyTriggers[command.triggerCode] ?? ProcessInstanceRecord
                        .filter(ProcessInstanceRecord.Columns.triggerCode == command.triggerCode)
                        .filter(Self.activeStates.contains(ProcessInstanceRecord.Columns.state)).fetchCount(db)
                    guard running < command.parallelism else { continue }
                    busyTriggers[command.triggerCode] = running + 1
                }
                let instanceId: Int64
                if let existing = command.processInstanceId {
                    instanceId = try Self.reopen(db, instanceId: existing, commandType: command.commandType) ?? 0
                } else {
                    instanceId = try Self.createInstance(db, from: command, host: host) ?? 0
                }
                try db.cachedStatement(sql: "UPDATE command SET claimedInstanceId = ? WHERE id = ?")
                    .execute(arguments: [instanceId, command.id])
                if instanceId > 0 { claimed.append(instanceId) }
            }
            return claimed
        }
    }

    /// Whether any command is still queued.
    func hasQueuedCommands() async throws -> Bool {
        try await read { db in try CommandRecord.filter(CommandRecord.Columns.claimedInstanceId == nil).fetchCount(db) > 0 }
    }

    /// States of an instance that still runs (or is about to).
    static let activeStates = [WorkflowExecutionStatus.SUBMITTED_SUCCESS, .RUNNING_EXECUTION, .READY_PAUSE, .READY_STOP,
                               .SERIAL_WAIT, .WAIT_TO_RUN].map(\.rawValue)

    private static func createInstance(_ db: Database, from command: CommandRecord, host: String) throws -> Int64? {
        let lookup = try db.cachedStatement(sql: "SELECT name, version, globalParams FROM processDefinition WHERE code = ?")
        guard let definition = try Row.fetchOne(lookup, arguments: [command.processDefinitionCode]) else { return nil }
        let now = Date()
        let version: Int = definition["version"]
        let stamp = (try? JavaDateFormat.format(now, pattern: "yyyyMMddHHmmssSSS", in: .current)) ?? "\(Int(now.timeIntervalSince1970 * 1000))"
        var instance = ProcessInstanceRecord(
            id: nil, name: "\(definition["name"] as String)-\(version)-\(stamp)",
            processDefinitionCode: command.processDefinitionCode, processDefinitionVersion: version,
            projectCode: command.projectCode, state: WorkflowExecutionStatus.RUNNING_EXECUTION.rawValue,
            commandType: command.commandType, commandId: command.id, triggerCode: command.triggerCode,
            parentProcessInstanceId: nil, parentTaskInstanceId: nil, scheduleTime: command.scheduleTime,
            commandStartTime: command.createTime, startTime: DolphinDate.string(now), endTime: nil, restartTime: nil,
            runTimes: 1, startNodeList: command.startNodeList, taskDependType: command.taskDependType,
            failureStrategy: command.failureStrategy, warningType: command.warningType,
            processInstancePriority: command.processInstancePriority, workerGroup: command.workerGroup,
            startParams: command.startParams, globalParams: definition["globalParams"], varPool: nil,
            dryRun: command.dryRun, executorId: command.executorId, host: host, recovery: Flag.NO.rawValue)
        try instance.insert(db)
        return instance.id
    }

    /// Reopens a finished instance for RECOVER_SUSPENDED_PROCESS, START_FAILURE_TASK_PROCESS or REPEAT_RUNNING:
    /// the task instances to run again lose their `flag YES` (successful ones stay, except for a repeat).
    private static func reopen(_ db: Database, instanceId: Int64, commandType: String) throws -> Int64? {
        guard var instance = try ProcessInstanceRecord.fetchOne(db, key: instanceId), instance.status.isFinished else { return nil }
        let rerun: [TaskExecutionStatus]
        switch CommandType(rawValue: commandType) {
        case .REPEAT_RUNNING: rerun = TaskExecutionStatus.allCases
        case .START_FAILURE_TASK_PROCESS: rerun = [.FAILURE, .NEED_FAULT_TOLERANCE, .KILL, .STOP, .PAUSE]
        default: rerun = [.KILL, .STOP, .PAUSE, .NEED_FAULT_TOLERANCE]
        }
        try TaskInstanceRecord.filter(TaskInstanceRecord.Columns.processInstanceId == instanceId)
            .filter(rerun.map(\.rawValue).contains(TaskInstanceRecord.Columns.state))
            .updateAll(db, TaskInstanceRecord.Columns.flag.set(to: Flag.NO.rawValue))
        let now = Self.now()
        instance.state = WorkflowExecutionStatus.RUNNING_EXECUTION.rawValue
        instance.commandType = commandType
        instance.runTimes += 1
        instance.restartTime = now
        instance.endTime = nil
        if CommandType(rawValue: commandType) == .REPEAT_RUNNING { instance.startTime = now }
        try instance.update(db)
        return instanceId
    }
}

extension CommandRecord {
    init(_ draft: CommandDraft, createTime: String) {
        self.init(id: nil, commandType: draft.commandType.rawValue, processDefinitionCode: draft.processDefinitionCode,
                  projectCode: draft.projectCode, triggerCode: draft.triggerCode, scheduleId: draft.scheduleId,
                  scheduleTime: draft.scheduleTime, processInstanceId: draft.processInstanceId,
                  startNodeList: draft.startNodeList, taskDependType: draft.taskDependType.rawValue,
                  failureStrategy: draft.failureStrategy.rawValue, warningType: draft.warningType.rawValue,
                  processInstancePriority: draft.priority.rawValue, workerGroup: draft.workerGroup,
                  startParams: draft.startParams, dryRun: draft.dryRun, parallelism: draft.parallelism,
                  executorId: draft.executorId, createTime: createTime, claimedInstanceId: nil)
    }
}
