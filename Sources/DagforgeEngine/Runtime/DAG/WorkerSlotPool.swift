import DagforgeWire

/// Worker groups as named slot pools: at most `limit` tasks of a group run at once; waiting tasks get a slot in
/// DolphinScheduler's task priority order (its `TaskPriority`): workflow instance priority, then the older
/// instance, then task priority, then first come. Waiting suspends the Swift task without holding a thread;
/// cancelling the waiting task withdraws it. The same pool can cap task groups.
public actor WorkerSlotPool {
    /// Orders waiters: higher instance priority first, then the instance started first (the lower id: the ready
    /// downstream tasks of running instances go before the first tasks of instances started after them), then
    /// higher task priority, then arrival.
    public struct Ticket: Sendable, Comparable {
        public var instancePriority: Priority
        public var processInstanceId: Int64
        public var taskPriority: Priority
        fileprivate var arrival: Int

        public init(instancePriority: Priority = .MEDIUM, processInstanceId: Int64 = 0, taskPriority: Priority = .MEDIUM) {
            self.instancePriority = instancePriority
            self.processInstanceId = processInstanceId
            self.taskPriority = taskPriority
            self.arrival = 0
        }

        public static func < (lhs: Ticket, rhs: Ticket) -> Bool {
            (lhs.instancePriority.rank, lhs.processInstanceId, lhs.taskPriority.rank, lhs.arrival)
                < (rhs.instancePriority.rank, rhs.processInstanceId, rhs.taskPriority.rank, rhs.arrival)
        }
    }

    private struct Waiter {
        var ticket: Ticket
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Group {
        var limit: Int
        var running = 0
        var waiters: [Int: Waiter] = [:]
    }

    private var groups: [String: Group] = [:]
    private let defaultLimit: Int
    private var arrivals = 0

    /// - Parameters:
    ///   - limits: parallelism per worker group name.
    ///   - defaultLimit: the limit of a group not listed.
    public init(limits: [String: Int] = [:], defaultLimit: Int) {
        self.defaultLimit = max(defaultLimit, 1)
        for (name, limit) in limits { groups[name] = Group(limit: max(limit, 1)) }
    }

    public func setLimit(_ limit: Int, for group: String) {
        groups[group, default: Group(limit: defaultLimit)].limit = max(limit, 1)
        grantWaiting(in: group)
    }

    /// Waits for a slot in `group`; throws CancellationError if the calling task is cancelled while waiting.
    public func acquire(_ group: String, ticket: Ticket = Ticket()) async throws {
        // The group is changed in place: a copy of it would copy its waiters on every change (COW).
        let granted = modify(group) { state in
            guard state.running < state.limit && state.waiters.isEmpty else { return false }
            state.running += 1
            return true
        }
        if granted { return }
        arrivals += 1
        let id = arrivals
        var ordered = ticket
        ordered.arrival = id
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    groups[group]?.waiters[id] = Waiter(ticket: ordered, continuation: continuation)
                }
            }
        } onCancel: {
            Task { await self.withdraw(id, from: group) }
        }
    }

    /// Returns a slot taken with ``acquire(_:ticket:)``.
    public func release(_ group: String) {
        guard let running = groups[group]?.running, running > 0 else { return }
        groups[group]?.running -= 1
        grantWaiting(in: group)
    }

    /// Running and waiting task counts of a group.
    public func usage(of group: String) -> (running: Int, waiting: Int) {
        (groups[group]?.running ?? 0, groups[group]?.waiters.count ?? 0)
    }

    private func withdraw(_ id: Int, from group: String) {
        guard let waiter = groups[group]?.waiters.removeValue(forKey: id) else { return }
        waiter.continuation.resume(throwing: CancellationError())
    }

    private func grantWaiting(in group: String) {
        guard groups[group] != nil else { return }
        let granted = modify(group) { state in
            var granted: [CheckedContinuation<Void, any Error>] = []
            while state.running < state.limit,
                  let next = state.waiters.min(by: { $0.value.ticket < $1.value.ticket }) {
                state.waiters.removeValue(forKey: next.key)
                state.running += 1
                granted.append(next.value.continuation)
            }
            return granted
        }
        for continuation in granted { continuation.resume() }
    }

    /// Changes group `name` (created with the default limit if new) in place.
    private func modify<T>(_ name: String, _ change: (inout Group) -> T) -> T {
        change(&groups[name, default: Group(limit: defaultLimit)])
    }
}
