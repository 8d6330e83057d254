import DagforgeWire
import Foundation
import GRDB

/// The runtime's side of process instances: loading what an instance runs, sub-process children, finishing,
/// and the recovery of instances a killed engine left running.
extension EngineStore {
    /// The definition version, parameters and recorded task states of instance `id`.
    func runPlan(instanceId id: Int64) async throws -> InstanceRunPlan? {
        try await read { db in
            // Cached statements: every instance of a burst runs these reads.
            let instanceById = try db.cachedStatement(sql: "SELECT * FROM processInstance WHERE id = ?")
            guard let instance = try ProcessInstanceRecord.fetchOne(instanceById, arguments: [id]),
                  let dag = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT name, relationsJSON, tasksJSON FROM processDefinitionLog WHERE code = ? AND version = ?
                    """), arguments: [instance.processDefinitionCode, instance.processDefinitionVersion]) else { return nil }
            let projectName = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM project WHERE code = ?"),
                                                  arguments: [instance.projectCode]) ?? ""
            let states = try TaskInstanceRecord.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM taskInstance WHERE processInstanceId = ? AND flag = 'YES'
                """), arguments: [id]).map(\.storedState)
            let dagTasks = try self.decodedDags.dag(tasksJSON: dag["tasksJSON"], relationsJSON: dag["relationsJSON"])
            let startParams = (try? WireJSON.decode([String: JSONValue].self, from: instance.startParams))?
                .compactMapValues { $0.stringValue ?? $0.int64Value.map(String.init) } ?? [:]
            return InstanceRunPlan(
                instance: instance.wire, parentTaskInstanceId: instance.parentTaskInstanceId,
                definitionName: dag["name"], projectName: projectName,
                tasks: dagTasks.tasks,
                taskParamsText: dagTasks.taskParamsText,
                localParams: dagTasks.localParams,
                relations: dagTasks.relations,
                startNodes: instance.startNodeList.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) },
                startParams: startParams,
                globalParams: (try? WireJSON.decode([Property].self, from: instance.globalParams)) ?? [],
                taskStates: states)
        }
    }

    /// Recovery after a crash: every task instance of an unfinished instance that was still running becomes
    /// NEED_FAULT_TOLERANCE (it will run again; SUB_PROCESS tasks keep running, their child is recovered too).
    /// Returns the unfinished instances, parents first, and the task processes to kill.
    func failOverUnfinishedInstances() async throws -> (instances: [Int64], orphans: [OrphanCandidate]) {
        try await write { db in
            let instances = try Int64.fetchAll(db, ProcessInstanceRecord.select(ProcessInstanceRecord.Columns.id)
                .filter(Self.activeStates.contains(ProcessInstanceRecord.Columns.state)).order(ProcessInstanceRecord.Columns.id))
            guard !instances.isEmpty else { return ([], []) }
            let running = [TaskExecutionStatus.SUBMITTED_SUCCESS, .RUNNING_EXECUTION, .DISPATCH, .DELAY_EXECUTION].map(\.rawValue)
            let tasks = try TaskInstanceRecord.filter(instances.contains(TaskInstanceRecord.Columns.processInstanceId))
                .filter(TaskInstanceRecord.Columns.flag == Flag.YES.rawValue)
                .filter(running.contains(TaskInstanceRecord.Columns.state))
                .filter(Column("taskType") != TaskType.subProcess).fetchAll(db)
            let now = Self.now()
            var orphans: [OrphanCandidate] = []
            for var task in tasks {
                if task.pid > 0 { orphans.append(OrphanCandidate(taskInstanceId: task.id ?? 0, pid: Int32(task.pid))) }
                task.state = TaskExecutionStatus.NEED_FAULT_TOLERANCE.rawValue
                task.endTime = now
                try task.update(db)
            }
            try ProcessInstanceRecord.filter(instances.contains(ProcessInstanceRecord.Columns.id))
                .updateAll(db, Column("recovery").set(to: Flag.YES.rawValue))
            return (instances, orphans)
        }
    }

    /// The child instance of SUB_PROCESS task instance `parentTaskInstanceId`, created on first call (the
    /// UNIQUE parent task column makes a second call return the same child).
    func childInstance(parent: ProcessInstance, parentTaskInstanceId: Int64, definitionCode: Int64,
                       startParams: String) async throws -> (id: Int64, state: WorkflowExecutionStatus)? {
        try await write { db in
            if let existing = try ProcessInstanceRecord
                .filter(ProcessInstanceRecord.Columns.parentTaskInstanceId == parentTaskInstanceId).fetchOne(db) {
                return (existing.id ?? 0, existing.status)
            }
            guard let definition = try Row.fetchOne(db, sql: "SELECT name, version, globalParams, projectCode FROM processDefinition WHERE code = ?",
                                                    arguments: [definitionCode]) else { return nil }
            let now = Date()
            let version: Int = definition["version"]
            let stamp = (try? JavaDateFormat.format(now, pattern: "yyyyMMddHHmmssSSS", in: .current)) ?? ""
            var child = ProcessInstanceRecord(
                id: nil, name: "\(definition["name"] as String)-\(version)-\(stamp)", processDefinitionCode: definitionCode,
                processDefinitionVersion: version, projectCode: definition["projectCode"],
                state: WorkflowExecutionStatus.RUNNING_EXECUTION.rawValue, commandType: parent.commandType.rawValue,
                commandId: nil, triggerCode: nil, parentProcessInstanceId: Int64(parent.id),
                parentTaskInstanceId: parentTaskInstanceId, scheduleTime: parent.scheduleTime,
                commandStartTime: Self.now(), startTime: DolphinDate.string(now), endTime: nil, restartTime: nil, runTimes: 1,
                startNodeList: "", taskDependType: TaskDependType.TASK_POST.rawValue,
                failureStrategy: parent.failureStrategy.rawValue, warningType: parent.warningType.rawValue,
                processInstancePriority: parent.processInstancePriority.rawValue, workerGroup: parent.workerGroup,
                startParams: startParams, globalParams: definition["globalParams"], varPool: nil, dryRun: parent.dryRun,
                executorId: Int64(parent.executorId), host: parent.host ?? "", recovery: Flag.NO.rawValue)
            try child.insert(db)
            return (child.id ?? 0, .RUNNING_EXECUTION)
        }
    }

    /// Sets an instance's state (READY_STOP, READY_PAUSE while work winds down).
    func setInstanceState(id: Int64, _ state: WorkflowExecutionStatus) async throws {
        try await write { db in
            _ = try ProcessInstanceRecord.filter(key: id).updateAll(db, ProcessInstanceRecord.Columns.state.set(to: state.rawValue))
        }
    }

    /// Records an instance's final state and var pool (an instance whose walk ended goes through
    /// ``recordStep(_:logDirectory:executeDirectory:)``; this is for one that could not run).
    func finishInstance(id: Int64, state: WorkflowExecutionStatus, varPool: [Property]) async throws {
        let pool = varPool.isEmpty ? nil : try WireJSON.string(varPool)
        try await write { db in try Self.finishInstance(db, id: id, state: state, varPool: pool) }
    }

    static func finishInstance(_ db: Database, id: Int64, state: WorkflowExecutionStatus, varPool: String?) throws {
        try db.cachedStatement(sql: "UPDATE processInstance SET state = ?, endTime = ?, varPool = ? WHERE id = ?")
            .execute(arguments: [state.rawValue, now(), varPool, id])
    }
}

extension TaskInstanceRecord {
    var storedState: StoredTaskState {
        StoredTaskState(taskInstanceId: id ?? 0, taskCode: taskCode, status: status, retryTimes: retryTimes,
                        follow: follow.flatMap { try? WireJSON.decode([Int64].self, from: $0) },
                        varPool: varPool.flatMap { try? WireJSON.decode([Property].self, from: $0) } ?? [])
    }
}
