import DagforgeWire
import Foundation

/// The DAG walk of one workflow instance as a pure state machine (DolphinScheduler's WorkflowExecuteRunnable and
/// DagHelper): the executor reports task completions and asks which tasks to start; the walker never waits or
/// holds a thread, so a SUB_PROCESS task is simply a task whose completion arrives later.
public struct DAGWalker: Sendable {
    public let graph: WorkflowGraph
    public let failureStrategy: FailureStrategy
    public private(set) var phases: [Int64: TaskPhase] = [:]
    /// For finished CONDITIONS / SWITCH tasks: the branch taken.
    public private(set) var followed: [Int64: [Int64]] = [:]
    /// Tasks whose failure fails the workflow (a failure feeding a CONDITIONS task does not).
    public private(set) var errors: Set<Int64> = []
    private var pendingKills: Set<Int64> = []
    private var readySequence: [Int64: Int] = [:]
    private var sequence = 0
    private var halted = false
    private var stopping = false
    private var pausing = false

    public init(graph: WorkflowGraph, failureStrategy: FailureStrategy, restored: [Int64: RestoredTask] = [:],
                now: Date) {
        self.graph = graph
        self.failureStrategy = failureStrategy
        for code in graph.order {
            phases[code] = graph.nodes[code]?.isForbidden == true ? .forbidden : .pending
        }
        for code in graph.order {
            guard let task = restored[code], task.status.isFinished, phases[code] == .pending else { continue }
            record(code, status: task.status, follow: task.follow, attempt: task.attempts, now: now)
        }
        evaluate(now: now)
    }

    // MARK: Events

    /// Hands out the tasks due at `now` in priority order (HIGHEST first, then the order they became ready) and
    /// marks them running.
    public mutating func takeDispatchable(now: Date) -> [DispatchTask] {
        promoteDue(now: now)
        let due = phases.compactMap { code, phase -> (Int64, Int)? in
            if case .ready(let attempt) = phase { return (code, attempt) }
            return nil
        }.sorted { lhs, rhs in
            let left = graph.nodes[lhs.0]!.priority.rank
            let right = graph.nodes[rhs.0]!.priority.rank
            return left != right ? left < right : readySequence[lhs.0, default: 0] < readySequence[rhs.0, default: 0]
        }
        return due.map { code, attempt in
            phases[code] = .running(attempt: attempt)
            let node = graph.nodes[code]!
            return DispatchTask(code: code, name: node.name, taskType: node.taskType, attempt: attempt,
                                priority: node.priority, workerGroup: node.workerGroup)
        }
    }

    /// A dispatched task ended. For CONDITIONS and SWITCH tasks, `follow` is the branch taken (the other branch
    /// targets are skipped).
    public mutating func taskFinished(_ code: Int64, status: TaskExecutionStatus, follow: [Int64]? = nil, now: Date) {
        guard case .running(let attempt) = phases[code] else { return }
        record(code, status: status, follow: follow, attempt: attempt, now: now)
        evaluate(now: now)
    }

    /// STOP: nothing new starts; running tasks are to be killed (see ``takeTasksToKill()``).
    public mutating func stop() {
        stopping = true
        cancelWaiting()
        pendingKills.formUnion(runningTasks)
    }

    /// PAUSE: nothing new starts; running tasks finish.
    public mutating func pause() {
        pausing = true
        cancelWaiting()
    }

    /// Running tasks the executor must kill (failure strategy END after a failure, or STOP); each is returned once.
    public mutating func takeTasksToKill() -> Set<Int64> {
        defer { pendingKills.removeAll() }
        return pendingKills.intersection(runningTasks)
    }

    // MARK: Queries

    public var runningTasks: Set<Int64> {
        Set(phases.compactMap { code, phase in
            if case .running = phase { return code }
            return nil
        })
    }

    /// The earliest time a delayed or retrying task becomes due, if any.
    public var nextWakeUp: Date? {
        phases.values.compactMap { phase -> Date? in
            switch phase {
            case .delayed(let until), .retryWaiting(let until, _): until
            default: nil
            }
        }.min()
    }

    /// RUNNING_EXECUTION, READY_STOP or READY_PAUSE while work remains; then the final state.
    public var state: WorkflowExecutionStatus {
        let active = phases.values.contains { phase in
            switch phase {
            case .running, .ready, .delayed, .retryWaiting: true
            default: false
            }
        }
        if stopping { return active ? .READY_STOP : (allSucceeded ? .SUCCESS : .STOP) }
        if pausing { return active ? .READY_PAUSE : (allSucceeded ? .SUCCESS : .PAUSE) }
        if active { return .RUNNING_EXECUTION }
        let notRunErrors = phases.values.contains { $0 == .notRun(isError: true) }
        let killed = phases.values.contains { $0 == .finished(.KILL) }
        return errors.isEmpty && !notRunErrors && !killed ? .SUCCESS : .FAILURE
    }

    public var skippedTasks: Set<Int64> { Set(phases.filter { $0.value == .skipped }.keys) }

    private var allSucceeded: Bool {
        phases.values.allSatisfy { phase in
            switch phase {
            case .finished(let status): status.isSuccess
            case .skipped, .forbidden: true
            default: false
            }
        }
    }

    // MARK: Internals

    private mutating func record(_ code: Int64, status: TaskExecutionStatus, follow: [Int64]?, attempt: Int,
                                 now: Date) {
        guard let node = graph.nodes[code] else { return }
        let retriable = status == .FAILURE || status == .NEED_FAULT_TOLERANCE
        if retriable && attempt < node.maxRetries && !stopping && !halted {
            phases[code] = .retryWaiting(until: now.addingTimeInterval(node.retryInterval.timeInterval), attempt: attempt + 1)
            return
        }
        phases[code] = .finished(status)
        if status.isSuccess {
            if node.isConditions || node.isSwitch { applyBranch(of: node, follow: follow ?? []) }
            return
        }
        let handledByConditions = (graph.successors[code] ?? []).contains { graph.nodes[$0]?.isConditions == true }
        guard !handledByConditions, [.FAILURE, .NEED_FAULT_TOLERANCE, .KILL, .STOP].contains(status) else { return }
        errors.insert(code)
        if failureStrategy == .END {
            halted = true
            cancelWaiting()
            pendingKills.formUnion(runningTasks)
        }
    }

    /// Skips the branch targets not taken (for SWITCH, unless they are downstream of the taken branch).
    private mutating func applyBranch(of node: WorkflowGraph.Node, follow: [Int64]) {
        followed[node.code] = follow
        var keep = Set(follow)
        if node.isSwitch { for code in follow { keep.formUnion(graph.descendants(of: code)) } }
        for target in node.branchTargets where !keep.contains(target) && phases[target] == .pending {
            phases[target] = .skipped
        }
    }

    private mutating func cancelWaiting() {
        for (code, phase) in phases {
            switch phase {
            case .ready, .delayed, .retryWaiting: phases[code] = .pending
            default: break
            }
        }
    }

    private mutating func promoteDue(now: Date) {
        guard !halted && !stopping && !pausing else { return }
        for (code, phase) in phases {
            switch phase {
            case .delayed(let until) where until <= now: markReady(code, attempt: 0)
            case .retryWaiting(let until, let attempt) where until <= now: markReady(code, attempt: attempt)
            default: break
            }
        }
    }

    mutating func markReady(_ code: Int64, attempt: Int) {
        sequence += 1
        readySequence[code] = sequence
        phases[code] = .ready(attempt: attempt)
    }

    mutating func setPhase(_ code: Int64, _ phase: TaskPhase) {
        phases[code] = phase
    }

    var acceptsNewWork: Bool { !halted && !stopping && !pausing }
}

extension Priority {
    /// HIGHEST = 0 ... LOWEST = 4, DolphinScheduler's order. A switch, not a search of `allCases`: the worker
    /// slot pool compares every waiting task's priorities each time a slot frees up.
    var rank: Int {
        switch self {
        case .HIGHEST: 0
        case .HIGH: 1
        case .MEDIUM: 2
        case .LOW: 3
        case .LOWEST: 4
        }
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (whole, fraction) = components
        return TimeInterval(whole) + TimeInterval(fraction) / 1e18
    }
}
