import DagforgeWire
import Foundation

/// The engine's master: claims queued commands, runs their instances (one ``InstanceExecution`` each),
/// recovers what a killed engine left running, connects SUB_PROCESS tasks to their child instances, and
/// carries STOP / PAUSE to running instances.
actor WorkflowRuntime {
    private let context: RuntimeContext
    private var executions: [Int64: InstanceExecution] = [:]
    /// SUB_PROCESS tasks waiting for their child instance, by child instance id.
    private var childWaiters: [Int64: [CheckedContinuation<WorkflowExecutionStatus, Never>]] = [:]
    /// Child instances that finished before their parent task asked (after a recovery), until it asks.
    private var finishedChildren: [Int64: WorkflowExecutionStatus] = [:]
    private let signal: AsyncStream<Void>.Continuation
    private let signals: AsyncStream<Void>
    /// Commands claimed per write; more follow at once while commands remain and the backlog has room. A claim
    /// creates its instances in the group commit that also records the steps of running instances, so a large one
    /// would hold back every task start committed with it.
    private let claimBatch = 32

    /// Instances recovered after a crash that wait for room in the backlog, parents first.
    private var recovered: [Int64] = []
    /// Holds claims back while launches fall behind; see ``LaunchBacklog``.
    nonisolated let backlog: LaunchBacklog

    init(context: RuntimeContext) {
        self.context = context
        let (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        (self.signals, self.signal) = (signals, signal)
        backlog = LaunchBacklog(limit: context.launchBacklogLimit, resume: { signal.yield() })
    }

    /// Tells the command loop that a command was queued.
    nonisolated func commandQueued() {
        signal.yield()
    }

    /// Recovers, then claims commands whenever one is queued (and at least every second, when `tick` runs:
    /// the schedule firing), until cancelled.
    func run(tick: @escaping @Sendable () async -> Void) async {
        await recover()
        let ticker = Task { [signal] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                signal.yield()
            }
        }
        defer { ticker.cancel() }
        for await _ in signals {
            if Task.isCancelled { break }
            await tick()
            await claimQueuedCommands()
        }
    }

    /// Whether instance `id` runs in this engine now.
    func isRunning(_ id: Int64) -> Bool { executions[id] != nil }

    /// STOP or PAUSE of a running instance; false when it does not run here.
    func control(_ id: Int64, _ type: ExecuteType) async -> Bool {
        guard let execution = executions[id] else { return false }
        switch type {
        case .STOP: await execution.stop()
        case .PAUSE: await execution.pause()
        default: return false
        }
        return true
    }

    /// Runs child instance `id` of a SUB_PROCESS task (unless it already runs or has finished) and waits for its
    /// final state. Cancelling the waiting task stops the child.
    func runChild(_ id: Int64) async -> WorkflowExecutionStatus {
        if let state = finishedChildren.removeValue(forKey: id) { return state }
        if executions[id] == nil, let plan = try? await context.store.runPlan(instanceId: id), plan.instance.state.isFinished {
            return plan.instance.state
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if let state = finishedChildren.removeValue(forKey: id) {
                    continuation.resume(returning: state)
                    return
                }
                childWaiters[id, default: []].append(continuation)
                if executions[id] == nil { Task { await self.start(id) } }
            }
        } onCancel: {
            Task { _ = await self.control(id, .STOP) }
        }
    }

    /// Called by an execution when its instance reached a final state.
    func instanceFinished(_ id: Int64, state: WorkflowExecutionStatus, isChild: Bool) {
        executions[id] = nil
        guard let waiters = childWaiters.removeValue(forKey: id) else {
            if isChild { finishedChildren[id] = state }
            return
        }
        for waiter in waiters { waiter.resume(returning: state) }
    }

    /// Starts recovered instances, then claims queued commands, while the backlog has room; the rest waits (in
    /// SQLite) until the backlog has drained and signals the loop again.
    private func claimQueuedCommands() async {
        do {
            while true {
                let room = min(backlog.room(), claimBatch)
                guard room > 0 else { return }
                if !recovered.isEmpty {
                    let ids = recovered.prefix(room)
                    recovered.removeFirst(ids.count)
                    for id in ids { await start(id, holding: backlog.enter()) }
                    continue
                }
                let ids = try await context.store.claimCommands(limit: room, host: context.host)
                let entries = ids.map { _ in backlog.enter() }
                for (id, entry) in zip(ids, entries) { await start(id, holding: entry) }
                if ids.count < room { return }
            }
        } catch {
            context.logger.error("cannot claim commands: \(error)")
        }
    }

    /// Starts instance `id` unless it runs or has finished; `entry` (its place in the backlog) leaves once its walk
    /// has dispatched its first tasks, which then hold places of their own.
    private func start(_ id: Int64, holding entry: LaunchBacklog.Entry? = nil) async {
        guard executions[id] == nil else { return }
        do {
            guard let plan = try await context.store.runPlan(instanceId: id), !plan.instance.state.isFinished else { return }
            let execution = try InstanceExecution(plan: plan, context: context, runtime: self)
            executions[id] = execution
            Task {
                await execution.begin()
                entry?.leave()
            }
        } catch {
            context.logger.error("process instance \(id) cannot run: \(error)")
            try? await context.store.finishInstance(id: id, state: .FAILURE, varPool: [])
            instanceFinished(id, state: .FAILURE, isChild: true)
        }
    }

    /// After a crash: task processes still running are killed and their tasks failed over (run again); every
    /// unfinished instance resumes with the tasks that had finished kept as they were.
    private func recover() async {
        do {
            let (instances, orphans) = try await context.store.failOverUnfinishedInstances()
            for orphan in orphans {
                if OrphanedTaskProcess.kill(processGroup: orphan.pid, mark: context.mark(taskInstanceId: orphan.taskInstanceId)) {
                    context.logger.info("killed the leftover process group \(orphan.pid) of task instance \(orphan.taskInstanceId)")
                }
            }
            if !instances.isEmpty { context.logger.info("recovering \(instances.count) unfinished process instances") }
            // They start as the backlog has room, like claimed commands (a child starts at once when its parent asks).
            recovered = instances
            signal.yield()
        } catch {
            context.logger.error("recovery failed: \(error)")
        }
    }
}
