import DagforgeWire
import Synchronization

/// Worker groups as named slot pools: at most `limit` tasks of a group run at once; waiting tasks get a slot in
/// DolphinScheduler's task priority order (its `TaskPriority`): workflow instance priority, then the older
/// instance, then task priority, then first come. Waiting suspends the Swift task without holding a thread;
/// cancelling the waiting task withdraws it. The same pool can cap task groups.
///
/// A lock, not an actor: every task takes and gives back a slot, and on a busy engine an actor's turn waits in the
/// executor's queue behind all other work (twice per call: the actor's, then the caller's return), which held slots
/// well after their tasks ended. Taking or giving back a slot is a few dictionary operations under the lock.
public final class WorkerSlotPool: Sendable {
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

    private struct State {
        var groups: [String: Group] = [:]
        var arrivals = 0
    }

    private let state: Mutex<State>
    private let defaultLimit: Int

    /// - Parameters:
    ///   - limits: parallelism per worker group name.
    ///   - defaultLimit: the limit of a group not listed.
    public init(limits: [String: Int] = [:], defaultLimit: Int) {
        let defaultLimit = max(defaultLimit, 1)
        self.defaultLimit = defaultLimit
        var initial = State()
        for (name, limit) in limits { initial.groups[name] = Group(limit: max(limit, 1)) }
        state = Mutex(initial)
    }

    /// Waits for a slot in `group`; throws CancellationError if the calling task is cancelled while waiting.
    public func acquire(_ group: String, ticket: Ticket = Ticket()) async throws {
        let defaultLimit = defaultLimit
        // nil: a slot was free and is taken; else the arrival number the waiter queues with.
        let arrival = state.withLock { state -> Int? in
            // The group is changed in place: a copy of it would copy its waiters on every change (COW).
            let granted = Self.modify(&state, group, defaultLimit) { group in
                guard group.running < group.limit && group.waiters.isEmpty else { return false }
                group.running += 1
                return true
            }
            if granted { return nil }
            state.arrivals += 1
            return state.arrivals
        }
        guard let arrival else { return }
        var ordered = ticket
        ordered.arrival = arrival
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let queued = state.withLock { state -> Bool in
                    // Cancelled before queueing: `onCancel` found nothing to withdraw.
                    guard !Task.isCancelled else { return false }
                    Self.modify(&state, group, defaultLimit) { group in
                        group.waiters[arrival] = Waiter(ticket: ordered, continuation: continuation)
                    }
                    return true
                }
                if !queued { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.groups[group]?.waiters.removeValue(forKey: arrival) }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Returns a slot taken with ``acquire(_:ticket:)``; the next waiter in order gets it.
    public func release(_ group: String) {
        let granted = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard let running = state.groups[group]?.running, running > 0 else { return [] }
            return Self.modify(&state, group, defaultLimit) { group in
                group.running -= 1
                var granted: [CheckedContinuation<Void, any Error>] = []
                while group.running < group.limit,
                      let next = group.waiters.min(by: { $0.value.ticket < $1.value.ticket }) {
                    group.waiters.removeValue(forKey: next.key)
                    group.running += 1
                    granted.append(next.value.continuation)
                }
                return granted
            }
        }
        for continuation in granted { continuation.resume() }
    }

    /// Running and waiting task counts of a group.
    public func usage(of group: String) -> (running: Int, waiting: Int) {
        state.withLock { state in (state.groups[group]?.running ?? 0, state.groups[group]?.waiters.count ?? 0) }
    }

    /// Changes group `name` (created with the default limit if new) in place.
    private static func modify<T>(_ state: inout State, _ name: String, _ defaultLimit: Int,
                                  _ change: (inout Group) -> T) -> T {
        change(&state.groups[name, default: Group(limit: defaultLimit)])
    }
}
