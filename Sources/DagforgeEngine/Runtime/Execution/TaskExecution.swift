import DagforgeWire
import Foundation

/// How one dispatched task ended, as the instance's DAG walk needs it.
struct TaskResult: Sendable {
    var status: TaskExecutionStatus
    var varPool: [Property]
    var follow: [Int64]?
}

/// Runs one dispatched task of an instance: records the task instance, resolves its parameters, runs it (a
/// runner in a worker slot, or the logic of CONDITIONS / SWITCH / DEPENDENT / SUB_PROCESS) and records how it
/// ended. Cancelling the Swift task kills the task (`KILL`). Waiting (slots, DEPENDENT checks, a child
/// instance) suspends without holding a thread.
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

    func run() async -> TaskResult {
        let start: TaskStart
        do {
            start = try await context.store.startTask(
                TaskStartDraft(processInstanceId: instanceId, task: task, retryTimes: dispatch.attempt,
                               priority: dispatch.priority, workerGroup: dispatch.workerGroup, host: context.host),
                logDirectory: context.logDirectory, executeDirectory: context.executeDirectory)
        } catch {
            context.logger.error("cannot record task \(task.name) of instance \(instanceId): \(error)")
            return TaskResult(status: .FAILURE, varPool: upstreamPool)
        }
        let (taskInstanceId, logPath, executePath): (Int64, String, String)
        switch start {
        case .alreadySucceeded(let stored):
            return TaskResult(status: stored.status, varPool: stored.varPool, follow: stored.follow)
        case .started(let id, let log, let execute):
            (taskInstanceId, logPath, executePath) = (id, log, execute)
        }
        let result: TaskResult
        var dependentResult: String?
        do {
            let log = try TaskLogWriter(path: URL(fileURLWithPath: logPath))
            log.info("task \(task.name) (\(task.taskType)) of process instance \(instanceId), attempt \(dispatch.attempt)")
            (result, dependentResult) = await execute(taskInstanceId: taskInstanceId, log: log,
                                                      workingDirectory: URL(fileURLWithPath: executePath))
            log.info("task finished: \(result.status.rawValue)")
        } catch {
            context.logger.error("task \(task.name) of instance \(instanceId) could not start: \(error)")
            result = TaskResult(status: .FAILURE, varPool: upstreamPool)
        }
        do {
            // A killed task's end is recorded all the same: the write runs outside the cancelled task.
            let store = context.store
            try await Task {
                try await store.finishTask(id: taskInstanceId, status: result.status, varPool: result.varPool,
                                           follow: result.follow, dependentResult: dependentResult)
            }.value
        } catch {
            context.logger.error("cannot record the end of task instance \(taskInstanceId): \(error)")
        }
        return result
    }

    private func execute(taskInstanceId: Int64, log: TaskLogWriter,
                         workingDirectory: URL) async -> (TaskResult, String?) {
        let parameters: ResolvedParameters
        do {
            parameters = try ParameterResolver.resolve(scope(taskInstanceId: taskInstanceId, workingDirectory: workingDirectory))
        } catch {
            log.error("cannot resolve the parameters: \(error)")
            return (TaskResult(status: .FAILURE, varPool: upstreamPool), nil)
        }
        if plan.instance.dryRun == 1 {
            log.info("dry run: the task is not executed")
            return (TaskResult(status: .SUCCESS, varPool: upstreamPool), nil)
        }
        do {
            switch task.taskType {
            case TaskType.conditions:
                let conditions = try task.taskParams.decode(as: ConditionsParameters.self)
                let branch = ConditionsEvaluator.branches(conditions, states: states)
                log.info("condition \(ConditionsEvaluator.holds(conditions, states: states) ? "holds" : "fails"): following \(branch.follow)")
                return (TaskResult(status: .SUCCESS, varPool: upstreamPool, follow: branch.follow), nil)
            case TaskType.switch:
                let choice = try SwitchEvaluator.choose(try task.taskParams.decode(as: SwitchParameters.self),
                                                        parameters: parameters.properties, varPool: upstreamPool)
                choice.explanation.forEach(log.info)
                return (TaskResult(status: .SUCCESS, varPool: upstreamPool, follow: choice.follow), nil)
            case TaskType.dependent:
                return try await dependent(log: log)
            case TaskType.subProcess:
                return (try await subProcess(taskInstanceId: taskInstanceId, parameters: parameters, log: log), nil)
            default:
                return (await runner(taskInstanceId: taskInstanceId, parameters: parameters, log: log,
                                     workingDirectory: workingDirectory), nil)
            }
        } catch is CancellationError {
            log.error("task killed")
            return (TaskResult(status: .KILL, varPool: upstreamPool), nil)
        } catch {
            log.error("\(error)")
            return (TaskResult(status: .FAILURE, varPool: upstreamPool), nil)
        }
    }

    private func runner(taskInstanceId: Int64, parameters: ResolvedParameters, log: TaskLogWriter,
                        workingDirectory: URL) async -> TaskResult {
        let group = dispatch.workerGroup.isEmpty ? "default" : dispatch.workerGroup
        do {
            try await context.slots.acquire(group, ticket: .init(instancePriority: plan.instance.processInstancePriority,
                                                                 taskPriority: dispatch.priority))
        } catch {
            log.error("task killed while waiting for a worker slot")
            return TaskResult(status: .KILL, varPool: upstreamPool)
        }
        let store = context.store
        let run = TaskRun(
            taskName: task.name, taskType: task.taskType, taskParams: task.taskParams, parameters: parameters,
            localParams: task.localParams, varPool: upstreamPool, workingDirectory: workingDirectory, log: log,
            timeout: TaskTimeout(definition: task),
            environment: [OrphanedTaskProcess.markVariable: context.mark(taskInstanceId: taskInstanceId)],
            processStarted: { pid in Task { try? await store.recordTaskProcess(id: taskInstanceId, pid: pid) } })
        let outcome = await context.runners.runner(for: task.taskType).run(run)
        await context.slots.release(group)
        return TaskResult(status: outcome.status, varPool: outcome.varPool)
    }

    private func dependent(log: TaskLogWriter) async throws -> (TaskResult, String?) {
        let parameters = try task.taskParams.decode(as: DependentParameters.self)
        let businessDate = plan.instance.scheduleTime.flatMap { DolphinDate.date($0) }
            ?? plan.instance.startTime.flatMap { DolphinDate.date($0) } ?? Date()
        var evaluator = DependentEvaluator(dependence: parameters.dependence, businessDate: businessDate, timeZone: .current)
        let lookup = StoreDependentLookup(store: context.store)
        while true {
            switch try await evaluator.check(lookup, now: Date()) {
            case .succeeded:
                log.info("dependence satisfied")
                return (TaskResult(status: .SUCCESS, varPool: upstreamPool), DependResult.SUCCESS.rawValue)
            case .failed:
                log.error("dependence failed")
                return (TaskResult(status: .FAILURE, varPool: upstreamPool), DependResult.FAILED.rawValue)
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
        for property in task.localParams + upstreamPool { passed[property.prop] = parameters[property.prop] ?? property.value }
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
            builtIns: builtIns.values, global: plan.globalParams, varPool: upstreamPool, local: task.localParams,
            start: plan.startParams)
    }
}
