import DagforgeWire
import Foundation

/// Starts a workflow run and follows it to a final state by polling the instance's tasks, reporting each
/// task once when it finishes, and the log tail of every failed task at the end.
public struct RunFollower: Sendable {
    public var client: DolphinClient
    public var project: Int64
    /// Seconds between polls.
    public var pollInterval: Double
    /// Lines of a failed task's log to keep.
    public var logTailLines: Int

    public init(client: DolphinClient, project: Int64, pollInterval: Double = 0.5, logTailLines: Int = 30) {
        self.client = client
        self.project = project
        self.pollInterval = pollInterval
        self.logTailLines = logTailLines
    }

    /// Starts a run and returns its instance: with 3.2 the trigger code is looked up until the engine has
    /// turned the command into an instance (at most `timeout` seconds).
    public func start(definitionCode: Int64, tenantCode: String, workerGroup: String,
                      timeout: Double = 60) async throws -> ProcessInstance {
        let started = try await client.startRun(project: project, definitionCode: definitionCode,
                                                workerGroup: workerGroup, tenantCode: tenantCode)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            switch started {
            case .instances(let ids):
                if let id = ids.first { return try await client.instance(project: project, id: id) }
            case .trigger(let code):
                if let instance = try await client.instances(project: project, triggerCode: code).first { return instance }
            }
            guard Date() < deadline else { throw RunError.notPickedUp(seconds: Int(timeout)) }
            try await Task.sleep(nanoseconds: UInt64(pollInterval * 1_000_000_000))
        }
    }

    /// Polls instance `id` until it reaches a final state; `taskFinished` is called once per finished task.
    public func follow(instanceId id: Int, taskFinished: @Sendable (TaskInstance) -> Void) async throws -> RunOutcome {
        var reported = Set<Int>()
        while true {
            let instance = try await client.instance(project: project, id: id)
            let tasks = try await client.instanceTasks(project: project, id: id).taskList
            for task in tasks.sorted(by: { ($0.endTime ?? "", $0.id) < ($1.endTime ?? "", $1.id) })
            where task.state.map(Self.isFinal) == true && reported.insert(task.id).inserted {
                taskFinished(task)
            }
            if Self.isFinal(instance.state) {
                var failed: [FailedTask] = []
                for task in tasks where task.state == .FAILURE {
                    failed.append(FailedTask(name: task.name, logTail: try await logTail(taskInstanceId: task.id)))
                }
                return RunOutcome(instance: instance, failedTasks: failed)
            }
            try await Task.sleep(nanoseconds: UInt64(pollInterval * 1_000_000_000))
        }
    }

    /// The last `logTailLines` lines of a task's log, read page by page.
    func logTail(taskInstanceId: Int) async throws -> String {
        let page = 1000
        var lines: [Substring] = []
        var skip = 0
        while true {
            let chunk = try await client.taskLog(taskInstanceId: taskInstanceId, skipLineNum: skip, limit: page)
            let read = chunk.message.split(separator: "\n", omittingEmptySubsequences: false)
            lines = Array((lines + read).suffix(logTailLines))
            guard chunk.lineNum >= page, !read.isEmpty else { break }
            skip += chunk.lineNum
        }
        return lines.joined(separator: "\n")
    }

    static func isFinal(_ state: WorkflowExecutionStatus) -> Bool {
        [.SUCCESS, .FAILURE, .STOP, .PAUSE].contains(state)
    }

    static func isFinal(_ state: TaskExecutionStatus) -> Bool {
        [.SUCCESS, .FAILURE, .STOP, .KILL, .PAUSE, .FORCED_SUCCESS].contains(state)
    }
}

/// How a run ended.
public struct RunOutcome: Sendable {
    public var instance: ProcessInstance
    public var failedTasks: [FailedTask]

    public var succeeded: Bool { instance.state == .SUCCESS }
}

public struct FailedTask: Sendable, Hashable {
    public var name: String
    public var logTail: String
}

public enum RunError: Error, Sendable, CustomStringConvertible {
    case notPickedUp(seconds: Int)
    case unknownWorkflow(String, project: String)

    public var description: String {
        switch self {
        case .notPickedUp(let seconds):
            "the engine accepted the run but started no instance within \(seconds) s\nhint: check the engine's log and that its scheduler is running"
        case .unknownWorkflow(let name, let project):
            "project \(project) has no workflow \(name)\nhint: apply it first (dagforge apply), or check the name with dagforge status"
        }
    }
}
