import DagforgeWire
import Foundation

/// The DAG walk of one running process instance (DolphinScheduler's WorkflowExecuteRunnable), event-driven:
/// a task ending, a retry or delay falling due, or a STOP / PAUSE moves it on; in between it holds no thread.
actor InstanceExecution {
    let id: Int64
    private let plan: InstanceRunPlan
    private let context: RuntimeContext
    private let runtime: WorkflowRuntime
    private var walker: DAGWalker
    private let tasks: [Int64: TaskDefinition]
    private var varPools: [Int64: [Property]] = [:]
    private var running: [Int64: Task<TaskResult, Never>] = [:]
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
        walker.stop()
        try? await context.store.setInstanceState(id: id, .READY_STOP)
        await advance()
    }

    /// PAUSE: running tasks finish, nothing new starts.
    func pause() async {
        walker.pause()
        try? await context.store.setInstanceState(id: id, .READY_PAUSE)
        await advance()
    }

    private func advance() async {
        guard !finished else { return }
        for code in walker.takeTasksToKill() { running[code]?.cancel() }
        for dispatch in walker.takeDispatchable(now: Date()) { launch(dispatch) }
        let state = walker.state
        if state.isFinished && running.isEmpty {
            finished = true
            wakeUp?.task.cancel()
            let pool = VarPool.merge(walker.graph.order.compactMap { varPools[$0] })
            do {
                try await context.store.finishInstance(id: id, state: state, varPool: pool)
            } catch {
                context.logger.error("cannot record the end of process instance \(id): \(error)")
            }
            await runtime.instanceFinished(id, state: state, isChild: plan.parentTaskInstanceId != nil)
            return
        }
        scheduleWakeUp()
    }

    private func launch(_ dispatch: DispatchTask) {
        guard let task = tasks[dispatch.code] else { return }
        let upstream = VarPool.merge((walker.graph.predecessors[dispatch.code] ?? []).compactMap { varPools[$0] })
        var states: [Int64: TaskExecutionStatus] = [:]
        for (code, phase) in walker.phases { if case .finished(let status) = phase { states[code] = status } }
        let execution = TaskExecution(context: context, runtime: runtime, plan: plan, task: task, dispatch: dispatch,
                                      upstreamPool: upstream, states: states)
        // STOP cancels `work` (killing the task); the bookkeeping after it runs in a task of its own, which a
        // cancellation does not reach, so the end is always recorded.
        let work = Task { await execution.run() }
        running[dispatch.code] = work
        Task {
            let result = await work.value
            await self.taskEnded(dispatch.code, result)
        }
    }

    private func taskEnded(_ code: Int64, _ result: TaskResult) async {
        running[code] = nil
        varPools[code] = result.varPool
        walker.taskFinished(code, status: result.status, follow: result.follow, now: Date())
        await advance()
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
