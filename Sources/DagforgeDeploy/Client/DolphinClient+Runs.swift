import DagforgeWire
import Foundation

/// What starting a run returns: 3.2 a trigger code to look the instance up by, 3.3 the instance ids.
public enum StartedRun: Sendable, Hashable {
    case trigger(Int64)
    case instances([Int])
}

/// `data` of `GET …/process-instances/{id}/tasks`. The state is the enum's Java `toString()`
/// (reference §16.9), kept as text.
public struct InstanceTasks: Sendable, Hashable, Decodable {
    public var processInstanceState: String?
    public var taskList: [TaskInstance]
}

/// `data` of `GET /log/detail`.
public struct LogChunk: Sendable, Hashable, Codable {
    public var lineNum: Int
    public var message: String
}

// Runs, instances and logs (reference §6.10–6.13).
extension DolphinClient {
    /// `POST …/executors/start-process-instance` (3.3: `start-workflow-instance`). `scheduleTime` is required
    /// even for a plain run and ignored (reference §16.17), so it is sent empty.
    public func startRun(project: Int64, definitionCode: Int64, startParams: [String: String] = [:],
                         failureStrategy: FailureStrategy = .END, warningType: WarningType = .NONE,
                         workerGroup: String = "default", tenantCode: String = "default") async throws -> StartedRun {
        var fields = [
            FormField(routes.definitionCodeParameter, String(definitionCode)),
            FormField("scheduleTime", ""),
            FormField("failureStrategy", failureStrategy.rawValue),
            FormField("warningType", warningType.rawValue),
            FormField("workerGroup", workerGroup),
            FormField("tenantCode", tenantCode),
        ]
        if !startParams.isEmpty {
            fields.append(FormField("startParams", try WireJSON.string(startParams)))
        }
        let request = DolphinRequest(.POST, routes.executors(project: project) + "/" + routes.startInstanceSegment, fields)
        switch routes.version {
        case .v3_2: return .trigger(try await call(request, as: Int64.self))
        case .v3_3: return .instances(try await call(request, as: [Int].self))
        }
    }

    /// `GET …/process-instances/trigger?triggerCode=`: empty until the engine picked the command up.
    public func instances(project: Int64, triggerCode: Int64) async throws -> [ProcessInstance] {
        try await call(DolphinRequest(.GET, routes.instances(project: project) + "/trigger",
                                      [FormField("triggerCode", String(triggerCode))]), as: [ProcessInstance].self)
    }

    /// `GET …/process-instances/{id}`.
    public func instance(project: Int64, id: Int) async throws -> ProcessInstance {
        try await call(DolphinRequest(.GET, routes.instances(project: project) + "/\(id)"), as: ProcessInstance.self)
    }

    /// `GET …/process-instances/{id}/tasks`.
    public func instanceTasks(project: Int64, id: Int) async throws -> InstanceTasks {
        try await call(DolphinRequest(.GET, routes.instances(project: project) + "/\(id)/tasks"), as: InstanceTasks.self)
    }

    /// `GET /log/detail?taskInstanceId=&skipLineNum=&limit=`.
    public func taskLog(taskInstanceId: Int, skipLineNum: Int = 0, limit: Int = 1000) async throws -> LogChunk {
        try await call(DolphinRequest(.GET, "/log/detail", [
            FormField("taskInstanceId", String(taskInstanceId)),
            FormField("skipLineNum", String(skipLineNum)),
            FormField("limit", String(limit)),
        ]), as: LogChunk.self)
    }
}
