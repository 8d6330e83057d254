import DagforgeWire
import Foundation

/// Helpers of the run tests: ONLINE workflows, starts, and waiting for instances to finish.
extension EngineClient {
    /// Creates a workflow from `tasks` (a chain unless `relations` are given), brings it ONLINE, returns its code.
    func createOnlineWorkflow(project: Int64, name: String, tasks: [TaskDefinition],
                              relations: [ProcessTaskRelation]? = nil) async throws -> Int64 {
        let created = try await post("/projects/\(project)/process-definition",
                                     pairs: try EngineFixtures.workflowForm(name: name, tasks: tasks, relations: relations))
        guard created.code == 0, let code = created.data["code"]?.int64Value else { throw EngineTestError.unexpected(created.text) }
        let online = try await post("/projects/\(project)/process-definition/\(code)/release", form: ["releaseState": "ONLINE"])
        guard online.code == 0 else { throw EngineTestError.unexpected(online.text) }
        return code
    }

    /// Starts a run; returns the trigger code.
    func startRun(project: Int64, workflow: Int64, extra: [(String, String)] = []) async throws -> Int64 {
        let defaults = [("processDefinitionCode", String(workflow)), ("scheduleTime", ""), ("failureStrategy", "CONTINUE"),
                        ("warningType", "NONE")]
        let overridden = Set(extra.map(\.0))
        let response = try await post("/projects/\(project)/executors/start-process-instance",
                                      pairs: defaults.filter { !overridden.contains($0.0) } + extra)
        guard response.code == 0, let trigger = response.data.int64Value else { throw EngineTestError.unexpected(response.text) }
        return trigger
    }

    /// Waits until the start `trigger` created `count` instances and all of them finished; returns them.
    func finishedInstances(project: Int64, trigger: Int64, count: Int = 1, timeout: TimeInterval = 60) async throws -> [JSONValue] {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            let response = try await get("/projects/\(project)/process-instances/trigger", query: ["triggerCode": String(trigger)])
            last = response.text
            let instances = response.data.arrayValue ?? []
            if instances.count == count, instances.allSatisfy({ Self.isFinished($0["state"]?.stringValue) }) { return instances }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EngineTestError.unexpected("instances of trigger \(trigger) did not finish: \(last)")
    }

    /// Waits until instance `id` reaches a final state; returns it.
    func finishedInstance(project: Int64, id: Int64, timeout: TimeInterval = 60) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            let response = try await get("/projects/\(project)/process-instances/\(id)")
            last = response.text
            if Self.isFinished(response.data["state"]?.stringValue) { return response.data }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EngineTestError.unexpected("instance \(id) did not finish: \(last)")
    }

    /// Task name → state of the valid task instances of instance `id`.
    func taskStates(project: Int64, instance id: Int64) async throws -> [String: String] {
        let response = try await get("/projects/\(project)/process-instances/\(id)/tasks")
        var states: [String: String] = [:]
        for task in response.data["taskList"]?.arrayValue ?? [] {
            if let name = task["name"]?.stringValue { states[name] = task["state"]?.stringValue }
        }
        return states
    }

    /// The valid task instance named `name` of instance `id`.
    func taskInstance(project: Int64, instance id: Int64, name: String) async throws -> JSONValue? {
        let response = try await get("/projects/\(project)/process-instances/\(id)/tasks")
        return response.data["taskList"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    private static func isFinished(_ state: String?) -> Bool {
        guard let state, let status = WorkflowExecutionStatus(rawValue: state) else { return false }
        return status.isFinished
    }
}

extension EngineFixtures {
    /// A SHELL task with retries, timeout and OUT parameters as the UI sends them.
    static func shell(_ code: Int64, _ name: String, _ script: String, retries: Int = 0, timeoutMinutes: Int = 0,
                      timeoutStrategy: String = "FAILED", localParams: [Property] = []) -> TaskDefinition {
        var task = shellTask(code: code, name: name, script: script)
        task.taskParams = .object(["localParams": .array(localParams.map { property in
            .object(["prop": .string(property.prop), "direct": .string(property.direct.rawValue),
                     "type": .string(property.type.rawValue), "value": .string(property.value)])
        }), "rawScript": .string(script), "resourceList": .array([])])
        task.failRetryTimes = retries
        task.failRetryInterval = 0
        if timeoutMinutes > 0 {
            task.timeoutFlag = .OPEN
            task.timeout = timeoutMinutes
            task.timeoutNotifyStrategy = TaskTimeoutStrategy(rawValue: timeoutStrategy)
        }
        return task
    }

    /// A task of a logic type with the given `taskParams`.
    static func logic(_ code: Int64, _ name: String, type: String, params: JSONValue) -> TaskDefinition {
        var task = shellTask(code: code, name: name)
        task.taskType = type
        task.taskParams = params
        return task
    }
}
