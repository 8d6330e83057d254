import DagforgeWire
import Foundation
import Testing

/// HTTP tasks on the real engine: `dagforge-engine` starts `dagforge-http-task` from its own directory.
@Suite("Engine runs: HTTP tasks")
struct RunHttpTaskTests {
    @Test("an HTTP task sends its request from the engine's own directory and judges the answer")
    func httpTasks() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("http")
        let codes = try await client.taskCodes(project: project, count: 2)
        let document = HttpParameters(url: "\(testbed.engine.baseURL)/openapi.json",
                                      httpCheckCondition: .BODY_CONTAINS, condition: "\"openapi\"")
        let missing = HttpParameters(url: "\(testbed.engine.baseURL)/no-such-endpoint")
        let tasks = [
            EngineFixtures.logic(codes[0], "document", type: TaskType.http, params: try json(document)),
            EngineFixtures.logic(codes[1], "missing", type: TaskType.http, params: try json(missing)),
        ]
        let workflow = try await client.createOnlineWorkflow(project: project, name: "calls", tasks: tasks,
                                                             relations: codes.map { ProcessTaskRelation(preTaskCode: 0, postTaskCode: $0) })
        let trigger = try await client.startRun(project: project, workflow: workflow)
        let instance = try #require(try await client.finishedInstances(project: project, trigger: trigger).first)
        let id = try #require(instance["id"]?.int64Value)
        #expect(try await client.taskStates(project: project, instance: id) == ["document": "SUCCESS", "missing": "FAILURE"])

        let sent = try #require(try await client.taskInstance(project: project, instance: id, name: "document"))
        let taskId = try #require(sent["id"]?.int64Value)
        let log = try await client.get("/log/detail", query: ["taskInstanceId": String(taskId), "skipLineNum": "0", "limit": "100"])
        #expect(log.data["message"]?.stringValue?.contains("statusCode : 200") == true)
    }

    private func json<T: Encodable>(_ value: T) throws -> JSONValue {
        try WireJSON.decode(JSONValue.self, from: try WireJSON.string(value))
    }
}
