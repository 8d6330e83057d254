import DagforgeWire
import Foundation

/// The DAG walk of one running process instance (DolphinScheduler's WorkflowExecuteRunnable), event-driven:
/// a task ending, a retry or delay falling due, or a STOP / PAUSE moves it on; in between it holds no thread.
/// Each move is recorded as one step (``EngineStore/recordStep(_:logDirectory:executeDirectory:)``): the task
/// that ended, the tasks that start because of it and the instance's end share one synced commit.
actor InstanceExecution {
    let id: Int64
    private let plan: InstanceRunPlan
    private let context: RuntimeContext
    private let runtime: WorkflowRuntime
    private var walker: DAGWalker
    private let tasks: [Int64: TaskDefinition]
    private var varPools: [Int64: [Property]] = [:]
    private var running: [Int64: Task<Void, Never>] = [:]
    /// Tasks to kill (STOP, failure strategy END) that were dispatched but whose start was still being recorded:
    /// they are killed as soon as they launch.
    private var killOnLaunch: Set<Int64> = []
    private var wakeUp: (at: Date, task: Task<Void, Never>)?
    private var finished = false

    init(plan: InstanceRunPlan, context: RuntimeContext, runtime: WorkflowRuntime) throws {
        self.id = Int64(plan.instance.id)
        self.plan = plan
        self.context = context
        self.runtime = runtime
        let graph = try WorkflowGraph(tasks: plan.tasks, relations: plan.relations, startNodes: plan.startNodes,
                                      dependType: plan.instance.taskDependType)
        var restored: [Int64: RestoredTask] = [:]
        var pools: [Int64: [Property]] = [:]
        for state in plan.taskStates where state.status.isFinished && state.status != .NEED_FAULT_TOLERANCE {
            restored[state.taskCode] = RestoredTask(status: state.status, follow: state.follow, attempts: state.retryTimes)
            pools[state.taskCode] = state.varPool
        }
        walker = DAGWalker(graph: graph, failureStrategy: plan.instance.failureStrategy, restored: restored, now: Date())
        tasks = Dictionary(plan.tasks.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        varPools = pools
    }

    /// Starts the walk (a recovered READY_STOP / READY_PAUSE instance resumes winding down).
    func begin() async {
        switch plan.instance.state {
        case .READY_STOP: walker.stop()
        case .READY_PAUSE: walker.pause()
        default: break
        }
        await advance()
    }

    /// STOP: running tasks are killed, nothing new starts.
    func stop() async {
        guard !finished else { return }
        walker.stop()
        try? await context.store.setInstanceState(id: id, .READY_STOP)
        await advance()
    }

    /// PAUSE: running tasks finish, nothing new starts.
    func pause() async {
        guard !finished else { return }
        walker.pause()
        try? await context.store.setInstanceState(id: id, .READY_PAUSE)
        await advance()
    }

    /// Kills what the walk wants killed, starts what it can start and records the step together with `ended`,
    /// the end of the task that moved it on; ends the instance once its walk is over.
    private func advance(after ended: TaskEnd? = nil) async {
        guard !finished else { return }
        for code in walker.takeTasksToKill() {
            if let work = running[code] { work.cancel() } else { killOnLaunch.insert(code) }
        }
        // Each dispatched task holds a place in the launch backlog until it has a worker slot.
        let launches = walker.takeDispatchable(now: Date()).compactMap { dispatch in
            tasks[dispatch.code].map { (dispatch, execution(of: $0, for: dispatch), runtime.backlog.enter()) }
        }
        let state = walker.state
        let over = state.isFinished && running.isEmpty && launches.isEmpty
        if over {
            finished = true
            wakeUp?.task.cancel()
        }
        guard ended != nil || !launches.isEmpty || over else { return scheduleWakeUp() }
        let step = WalkStep(
            ended: ended,
            starting: launches.map { dispatch, execution, _ in
                TaskStartDraft(processInstanceId: id, task: execution.task,
                               taskParams: plan.taskParamsText[execution.task.code] ?? execution.task.taskParams.compactString(),
                               retryTimes: dispatch.attempt, priority: dispatch.priority,
                               workerGroup: dispatch.workerGroup, host: context.host)
            },
            instanceEnd: over ? InstanceEnd(instanceId: id, state: state,
                                            varPool: VarPool.merge(walker.graph.order.compactMap { varPools[$0] })) : nil)
        let starts: [TaskStart]
        do {
            starts = try await context.store.recordStep(step, logDirectory: context.logDirectory,
                                                        executeDirectory: context.executeDirectory)
        } catch {
            context.logger.error("cannot record a step of process instance \(id): \(error)")
            if over { return await runtime.instanceFinished(id, state: state, isChild: plan.parentTaskInstanceId != nil) }
            // Tasks whose start could not be recorded fail without running (retries apply).
            for (dispatch, execution, _) in launches {
                killOnLaunch.remove(dispatch.code)
                varPools[dispatch.code] = execution.upstreamPool
                walker.taskFinished(dispatch.code, status: .FAILURE, now: Date())
            }
            return await advance()
        }
        if over { return await runtime.instanceFinished(id, state: state, isChild: plan.parentTaskInstanceId != nil) }
        var settled = false
        for ((dispatch, execution, entry), start) in zip(launches, starts) {
            switch start {
            case .started(let taskInstanceId, let logPath, let executePath):
                launch(dispatch.code, execution, StartedTask(taskInstanceId: taskInstanceId, logPath: logPath,
                                                             executePath: executePath, launching: entry))
            case .alreadySucceeded(let stored):
                // A task that succeeded before a recovery is never run again.
                killOnLaunch.remove(dispatch.code)
                varPools[dispatch.code] = stored.varPool
                walker.taskFinished(dispatch.code, status: stored.status, follow: stored.follow, now: Date())
                settled = true
            }
        }
        if settled { await advance() } else { scheduleWakeUp() }
    }

    /// The execution of a dispatched task, with the var pool and task states as they are when it is dispatched.
    private func execution(of task: TaskDefinition, for dispatch: DispatchTask) -> TaskExecution {
        let upstream = VarPool.merge((walker.graph.predecessors[dispatch.code] ?? []).compactMap { varPools[$0] })
        var states: [Int64: TaskExecutionStatus] = [:]
        for (code, phase) in walker.phases { if case .finished(let status) = phase { states[code] = status } }
        return TaskExecution(context: context, runtime: runtime, plan: plan, task: task, dispatch: dispatch,
                             upstreamPool: upstream, states: states)
    }

    private func launch(_ code: Int64, _ execution: TaskExecution, _ started: StartedTask) {
        // STOP cancels `work`, which kills the task's process. Its end is recorded by the same Swift task once the run
        // returns: nothing on that path stops at a cancellation, so the end is always recorded, without a second
        // task per task waiting for the first (and its wake-up on a busy executor).
        let work = Task {
            let result = await execution.run(started)
            await self.taskEnded(code, started.taskInstanceId, result)
        }
        running[code] = work
        if killOnLaunch.remove(code) != nil { work.cancel() }
    }

    private func taskEnded(_ code: Int64, _ taskInstanceId: Int64, _ result: TaskResult) async {
        running[code] = nil
        varPools[code] = result.varPool
        walker.taskFinished(code, status: result.status, follow: result.follow, now: Date())
        await advance(after: TaskEnd(taskInstanceId: taskInstanceId, status: result.status, varPool: result.varPool,
                                     follow: result.follow, dependentResult: result.dependentResult))
    }

    /// Sleeps (as a suspended task) until the next delayed or retrying task falls due.
    private func scheduleWakeUp() {
        guard let due = walker.nextWakeUp else { return }
        if let current = wakeUp, current.at <= due { return }
        wakeUp?.task.cancel()
        let delay = max(due.timeIntervalSinceNow, 0)
        wakeUp = (due, Task {
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000) + 5))
            guard !Task.isCancelled else { return }
            await self.wokeUp()
        })
    }

    private func wokeUp() async {
        wakeUp = nil
        await advance()
    }
}
