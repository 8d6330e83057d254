import DagforgeWire
import Foundation

/// How one dispatched task ended, as the instance's DAG walk needs it.
struct TaskResult: Sendable {
    var status: TaskExecutionStatus
    var varPool: [Property]
    var follow: [Int64]?
    /// For DEPENDENT tasks: DolphinScheduler's `dependentResult` column.
    var dependentResult: String?
}

/// A task instance recorded as started: where it logs and runs.
struct StartedTask: Sendable {
    var taskInstanceId: Int64
    var logPath: String
    var executePath: String
    /// The task's place in the launch backlog: it leaves once the task has a worker slot, or at once for a task
    /// that needs none.
    var launching: LaunchBacklog.Entry
}

/// Runs one dispatched task of an instance, already recorded as started (``InstanceExecution`` records its start
/// and its end, together with its neighbours' in the walk): resolves its parameters and runs it (a runner in a
/// worker slot, or the logic of CONDITIONS / SWITCH / DEPENDENT / SUB_PROCESS). Cancelling the Swift task kills
/// the task (`KILL`). Waiting (slots, DEPENDENT checks, a child instance) suspends without holding a thread.
struct TaskExecution: Sendable {
    let context: RuntimeContext
    let runtime: WorkflowRuntime
    let plan: InstanceRunPlan
    let task: TaskDefinition
    let dispatch: DispatchTask
    /// The merged var pool of the task's direct upstream tasks.
    let upstreamPool: [Property]
    /// Finished task states of the instance (CONDITIONS decide on them).
    let states: [Int64: TaskExecutionStatus]

    private var instanceId: Int64 { Int64(plan.instance.id) }
    /// The task's `localParams`, decoded once per workflow version.
    private var localParams: [Property] { plan.localParams[task.code] ?? task.localParams }

    func run(_ started: StartedTask) async -> TaskResult {
        defer { started.launching.leave() }
        if !runsInWorkerSlot { started.launching.leave() }
        do {
            // `isDirectory` given: without it Foundation asks the file system (a `stat` per URL, per task).
            let log = try TaskLogWriter(path: URL(fileURLWithPath: started.logPath, isDirectory: false))
            log.info("task \(task.name) (\(task.taskType)) of process instance \(instanceId), attempt \(dispatch.attempt)")
            let result = await execute(taskInstanceId: started.taskInstanceId, log: log,
                                       workingDirectory: URL(fileURLWithPath: started.executePath, isDirectory: true),
                                       launching: started.launching)
            log.info("task finished: \(result.status.rawValue)")
            return result
        } catch {
            context.logger.error("task \(task.name) of instance \(instanceId) could not start: \(error)")
            return TaskResult(status: .FAILURE, varPool: upstreamPool)
        }
    }

    /// Whether the task runs a runner in a worker slot (the logic of the other types runs in the engine).
    private var runsInWorkerSlot: Bool {
        switch task.taskType {
        case TaskType.conditions, TaskType.switch, TaskType.dependent, TaskType.subProcess: false
        default: true
        }
    }

    private func execute(taskInstanceId: Int64, log: TaskLogWriter, workingDirectory: URL,
                         launching: LaunchBacklog.Entry) async -> TaskResult {
        let parameters: ResolvedParameters
        do {
            parameters = try ParameterResolver.resolve(scope(taskInstanceId: taskInstanceId, workingDirectory: workingDirectory))
        } catch {
            log.error("cannot resolve the parameters: \(error)")
            return TaskResult(status: .FAILURE, varPool: upstreamPool)
        }
        if plan.instance.dryRun == 1 {
            log.info("dry run: the task is not executed")
            return TaskResult(status: .SUCCESS, varPool: upstreamPool)
        }
        do {
            switch task.taskType {
            case TaskType.conditions:
                let conditions = try task.taskParams.decode(as: ConditionsParameters.self)
                let branch = ConditionsEvaluator.branches(conditions, states: states)
                log.info("condition \(ConditionsEvaluator.holds(conditions, states: states) ? "holds" : "fails"): following \(branch.follow)")
                return TaskResult(status: .SUCCESS, varPool: upstreamPool, follow: branch.follow)
            case TaskType.switch:
                let choice = try SwitchEvaluator.choose(try task.taskParams.decode(as: SwitchParameters.self),
                                                        parameters: parameters.properties, varPool: upstreamPool)
                choice.explanation.forEach(log.info)
                return TaskResult(status: .SUCCESS, varPool: upstreamPool, follow: choice.follow)
            case TaskType.dependent:
                return try await dependent(log: log)
            case TaskType.subProcess:
                return try await subProcess(taskInstanceId: taskInstanceId, parameters: parameters, log: log)
            default:
                return await runner(taskInstanceId: taskInstanceId, parameters: parameters, log: log,
                                    workingDirectory: workingDirectory, launching: launching)
            }
        } catch is CancellationError {
            log.error("task killed")
            return TaskResult(status: .KILL, varPool: upstreamPool)
        } catch {
            log.error("\(error)")
            return TaskResult(status: .FAILURE, varPool: upstreamPool)
        }
    }

    private func runner(taskInstanceId: Int64, parameters: ResolvedParameters, log: TaskLogWriter,
                        workingDirectory: URL, launching: LaunchBacklog.Entry) async -> TaskResult {
        let group = dispatch.workerGroup.isEmpty ? "default" : dispatch.workerGroup
        do {
            try await context.slots.acquire(group, ticket: .init(instancePriority: plan.instance.processInstancePriority,
                                                                 processInstanceId: instanceId, taskPriority: dispatch.priority))
            launching.leave()
        } catch {
            log.error("task killed while waiting for a worker slot")
            return TaskResult(status: .KILL, varPool: upstreamPool)
        }
        let (store, logger, name) = (context.store, context.logger, task.name)
        let run = TaskRun(
            taskName: task.name, taskType: task.taskType, taskParams: task.taskParams, parameters: parameters,
            localParams: localParams, varPool: upstreamPool, workingDirectory: workingDirectory, log: log,
            timeout: TaskTimeout(definition: task),
            environment: [OrphanedTaskProcess.markVariable: context.mark(taskInstanceId: taskInstanceId)],
            processStarted: { pid in
                store.recordTaskProcess(id: taskInstanceId, pid: pid) { error in
                    logger.warning("the process id of task \(name) (task instance \(taskInstanceId)) was not recorded: \(error)")
                }
            })
        let outcome = await context.runners.runner(for: task.taskType).run(run)
        context.slots.release(group)
        return TaskResult(status: outcome.status, varPool: outcome.varPool)
    }

    private func dependent(log: TaskLogWriter) async throws -> TaskResult {
        let parameters = try task.taskParams.decode(as: DependentParameters.self)
        let businessDate = plan.instance.scheduleTime.flatMap { DolphinDate.date($0) }
            ?? plan.instance.startTime.flatMap { DolphinDate.date($0) } ?? Date()
        var evaluator = DependentEvaluator(dependence: parameters.dependence, businessDate: businessDate, timeZone: .current)
        let lookup = StoreDependentLookup(store: context.store)
        while true {
            switch try await evaluator.check(lookup, now: Date()) {
            case .succeeded:
                log.info("dependence satisfied")
                return TaskResult(status: .SUCCESS, varPool: upstreamPool, dependentResult: DependResult.SUCCESS.rawValue)
            case .failed:
                log.error("dependence failed")
                return TaskResult(status: .FAILURE, varPool: upstreamPool, dependentResult: DependResult.FAILED.rawValue)
            case .waiting:
                log.info("dependence not satisfied yet; checking again in \(evaluator.checkInterval)")
                try await Task.sleep(for: evaluator.checkInterval)
            }
        }
    }

    private func subProcess(taskInstanceId: Int64, parameters: ResolvedParameters, log: TaskLogWriter) async throws -> TaskResult {
        let target = try task.taskParams.decode(as: SubProcessParameters.self)
        // The child sees the parent's IN local parameters and var pool as start parameters.
        var passed: [String: String] = [:]
        for property in localParams + upstreamPool { passed[property.prop] = parameters[property.prop] ?? property.value }
        guard let child = try await context.store.childInstance(parent: plan.instance, parentTaskInstanceId: taskInstanceId,
                                                                definitionCode: target.processDefinitionCode,
                                                                startParams: try WireJSON.string(passed)) else {
            throw RuntimeError("sub process definition \(target.processDefinitionCode) does not exist")
        }
        log.info("sub process instance \(child.id) started")
        let state = await runtime.runChild(child.id)
        log.info("sub process instance \(child.id) ended: \(state.rawValue)")
        switch state {
        case .SUCCESS: return TaskResult(status: .SUCCESS, varPool: upstreamPool)
        case .STOP: return TaskResult(status: .KILL, varPool: upstreamPool)
        case .PAUSE: return TaskResult(status: .PAUSE, varPool: upstreamPool)
        default: return TaskResult(status: .FAILURE, varPool: upstreamPool)
        }
    }

    private func scope(taskInstanceId: Int64, workingDirectory: URL) -> ParameterScope {
        let instance = plan.instance
        let scheduleTime = instance.scheduleTime.flatMap { DolphinDate.date($0) }
        let builtIns = BuiltInParameters(
            taskInstanceId: Int(taskInstanceId), taskDefinitionCode: task.code, taskDefinitionName: task.name,
            workflowInstanceId: instance.id, workflowDefinitionCode: instance.processDefinitionCode,
            workflowDefinitionName: plan.definitionName, projectCode: instance.projectCode, projectName: plan.projectName,
            executePath: workingDirectory.path)
        return ParameterScope(
            businessTime: BusinessTime(scheduleTime: scheduleTime, commandType: instance.commandType, timeZone: .current),
            builtIns: builtIns.values, global: plan.globalParams, varPool: upstreamPool, local: localParams,
            start: plan.startParams)
    }
}
