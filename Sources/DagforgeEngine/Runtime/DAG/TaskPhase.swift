import DagforgeWire
import Foundation

/// Where one task of a running workflow instance stands in the DAG walk.
public enum TaskPhase: Sendable, Equatable {
    /// Upstream tasks have not finished yet.
    case pending
    /// Ready, but held until `until` by the task's delay time (DolphinScheduler's DELAY_EXECUTION).
    case delayed(until: Date)
    /// Failed and waiting for its retry interval before attempt `attempt`.
    case retryWaiting(until: Date, attempt: Int)
    /// Ready to be dispatched now.
    case ready(attempt: Int)
    /// Handed to the executor by ``DAGWalker/takeDispatchable(now:)``.
    case running(attempt: Int)
    case finished(TaskExecutionStatus)
    /// Not run: a CONDITIONS or SWITCH branch not taken, or every upstream task was skipped.
    case skipped
    /// `flag NO`: not run; downstream tasks go on.
    case forbidden
    /// Not run because an upstream task failed or was killed; `isError` counts toward the workflow failing.
    case notRun(isError: Bool)

    var isDoneForDownstream: Bool {
        switch self {
        case .finished, .skipped, .forbidden: true
        default: false
        }
    }
}

/// A task the executor should start now.
public struct DispatchTask: Sendable, Equatable {
    public var code: Int64
    public var name: String
    public var taskType: String
    /// 0 for the first run, n for the n-th retry (the task instance's `retryTimes`).
    public var attempt: Int
    public var priority: Priority
    public var workerGroup: String
}

/// A task state restored from the store (crash recovery, or re-running failed tasks of an instance).
public struct RestoredTask: Sendable, Equatable {
    public var status: TaskExecutionStatus
    /// For CONDITIONS / SWITCH tasks: the task codes of the branch that was taken.
    public var follow: [Int64]?
    /// How many times the task already ran and failed (its retryTimes).
    public var attempts: Int

    public init(status: TaskExecutionStatus, follow: [Int64]? = nil, attempts: Int = 0) {
        self.status = status
        self.follow = follow
        self.attempts = attempts
    }
}
