import DagforgeTestSupport
import DagforgeWire
import Foundation

/// A real engine on a fresh data directory with a client logged in as admin.
struct EngineTestbed {
    let directory: TemporaryDirectory
    let engine: EngineProcess
    let client: EngineClient

    static func start() async throws -> EngineTestbed {
        let directory = try TemporaryDirectory(prefix: "dagforge-engine")
        let engine = try EngineProcess(dataDirectory: directory.path)
        try engine.start()
        let client = EngineClient(base: URL(string: engine.baseURL)!)
        try await client.login(password: engine.adminPassword)
        return EngineTestbed(directory: directory, engine: engine, client: client)
    }

    func stop() {
        engine.stop()
        directory.remove()
    }
}

/// Builders for the requests the engine tests send, shaped like DolphinScheduler's UI sends them.
enum EngineFixtures {
    /// A SHELL task as the UI sends it.
    static func shellTask(code: Int64, name: String, script: String = "echo hello world", version: Int = 1) -> TaskDefinition {
        TaskDefinition(code: code, version: version, name: name, taskType: TaskType.shell,
                       taskParams: .object(["localParams": .array([]), "rawScript": .string(script), "resourceList": .array([])]))
    }

    /// `taskRelationJson` for a chain `codes[0] → codes[1] → …` (root edge first).
    static func chain(_ codes: [Int64]) -> [ProcessTaskRelation] {
        codes.enumerated().map { index, code in
            ProcessTaskRelation(preTaskCode: index == 0 ? 0 : codes[index - 1], postTaskCode: code)
        }
    }

    /// The create/update form of a workflow whose tasks run in a chain.
    static func workflowForm(name: String, tasks: [TaskDefinition], relations: [ProcessTaskRelation]? = nil,
                             extra: [(String, String)] = []) throws -> [(String, String)] {
        [
            ("name", name),
            ("description", "made by the engine tests"),
            ("globalParams", #"[{"prop":"dt","direct":"IN","type":"VARCHAR","value":"$[yyyy-MM-dd]"}]"#),
            ("locations", "[]"),
            ("timeout", "0"),
            ("executionType", "PARALLEL"),
            ("taskDefinitionJson", try WireJSON.string(tasks)),
            ("taskRelationJson", try WireJSON.string(relations ?? chain(tasks.map(\.code)))),
        ] + extra
    }

    static let scheduleJSON = #"{"startTime":"2019-08-08 00:00:00","endTime":"2100-08-08 00:00:00","timezoneId":"America/Phoenix","crontab":"0 0 3/6 * * ? *"}"#
}

extension EngineClient {
    func post(_ path: String, pairs: [(String, String)]) async throws -> EngineResponse {
        try await send("POST", path, body: Data(Self.encode(pairs).utf8), contentType: "application/x-www-form-urlencoded")
    }

    func put(_ path: String, pairs: [(String, String)]) async throws -> EngineResponse {
        try await send("PUT", path, body: Data(Self.encode(pairs).utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// Creates a project and returns its code.
    func createProject(_ name: String) async throws -> Int64 {
        let response = try await post("/projects", form: ["projectName": name, "description": "engine tests"])
        guard let code = response.data["code"]?.int64Value else { throw EngineTestError.unexpected(response.text) }
        return code
    }

    /// `count` fresh task codes from the engine.
    func taskCodes(project: Int64, count: Int) async throws -> [Int64] {
        let response = try await get("/projects/\(project)/task-definition/gen-task-codes", query: ["genNum": String(count)])
        guard let codes = response.data.arrayValue?.compactMap(\.int64Value), codes.count == count else {
            throw EngineTestError.unexpected(response.text)
        }
        return codes
    }

    /// Creates a chain workflow of `taskCount` SHELL tasks and returns its code (read back by name).
    func createWorkflow(project: Int64, name: String, taskCount: Int = 2) async throws -> (code: Int64, tasks: [TaskDefinition]) {
        let codes = try await taskCodes(project: project, count: taskCount)
        let tasks = codes.enumerated().map { EngineFixtures.shellTask(code: $1, name: "task_\($0)") }
        let created = try await post("/projects/\(project)/process-definition",
                                     pairs: try EngineFixtures.workflowForm(name: name, tasks: tasks))
        guard created.code == 0 else { throw EngineTestError.unexpected(created.text) }
        let read = try await get("/projects/\(project)/process-definition/query-by-name", query: ["name": name])
        guard let code = read.data["processDefinition"]?["code"]?.int64Value else { throw EngineTestError.unexpected(read.text) }
        return (code, tasks)
    }
}

enum EngineTestError: Error {
    case unexpected(String)
}
