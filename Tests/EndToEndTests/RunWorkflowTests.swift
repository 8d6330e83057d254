import DagforgeWire
import Foundation
import Testing

/// Running workflows for real through the executor API of the engine.
@Suite("Engine runs", .serialized)
struct RunWorkflowTests {
    @Test("a started chain runs in order, passes an OUT parameter downstream and logs through the API")
    func basicRun() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("runs")
        let codes = try await client.taskCodes(project: project, count: 2)
        let marker = testbed.directory.path + "/order.txt"
        let tasks = [
            EngineFixtures.shell(codes[0], "produce", "echo produce >> \(marker)\necho '${setValue(answer=42)}'",
                                 localParams: [Property(prop: "answer", direct: .OUT, value: "")]),
            EngineFixtures.shell(codes[1], "consume", "echo consume ${answer} ${dt} >> \(marker)"),
        ]
        let workflow = try await client.createOnlineWorkflow(project: project, name: "chain", tasks: tasks)

        let trigger = try await client.startRun(project: project, workflow: workflow)
        let instance = try #require(try await client.finishedInstances(project: project, trigger: trigger).first)
        #expect(instance["state"] == .string("SUCCESS"))
        #expect(instance["commandType"] == .string("START_PROCESS"))
        let id = try #require(instance["id"]?.int64Value)

        let lines = try String(contentsOfFile: marker, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "produce")
        let today = DolphinDate.string(Date()).prefix(10)
        #expect(lines.last == "consume 42 \(today)")

        let tasksResponse = try await client.get("/projects/\(project)/process-instances/\(id)/tasks")
        #expect(tasksResponse.data["processInstanceState"] == .string("WorkflowExecutionStatus{code=7, desc='success'}"))
        #expect(try await client.taskStates(project: project, instance: id) == ["produce": "SUCCESS", "consume": "SUCCESS"])

        let detail = try await client.get("/projects/\(project)/process-instances/\(id)")
        #expect(detail.data["dagData"]?["taskDefinitionList"]?.arrayValue?.count == 2)

        let produce = try #require(try await client.taskInstance(project: project, instance: id, name: "produce"))
        let taskId = try #require(produce["id"]?.int64Value)
        let log = try await client.get("/log/detail", query: ["taskInstanceId": String(taskId), "skipLineNum": "0", "limit": "100"])
        #expect(log.code == 0)
        #expect(log.data["message"]?.stringValue?.hasPrefix("[LOG-PATH]: ") == true)
        #expect(log.data["message"]?.stringValue?.contains("${setValue(answer=42)}") == true)

        let list = try await client.get("/projects/\(project)/process-instances", query: ["pageNo": "1", "pageSize": "10"])
        #expect(list.data["total"] == .int(1))
        let taskList = try await client.get("/projects/\(project)/task-instances",
                                            query: ["pageNo": "1", "pageSize": "10", "processInstanceId": String(id)])
        #expect(taskList.data["total"] == .int(2))

        #expect(try await client.delete("/projects/\(project)/process-instances/\(id)").code == 0)
        #expect(try await client.get("/projects/\(project)/process-instances/\(id)").code == 50001)
    }

    @Test("an OFFLINE workflow does not start; an unknown start node is refused")
    func refusals() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("refusals")
        let workflow = try await client.createWorkflow(project: project, name: "offline")
        let start = "/projects/\(project)/executors/start-process-instance"
        let form: [(String, String)] = [("processDefinitionCode", String(workflow.code)), ("scheduleTime", ""),
                                        ("failureStrategy", "CONTINUE"), ("warningType", "NONE")]
        #expect(try await client.post(start, pairs: form).code == 50004)
        #expect(try await client.post("/projects/\(project)/process-definition/\(workflow.code)/release",
                                      form: ["releaseState": "ONLINE"]).code == 0)
        let unknown = try await client.post(start, pairs: form + [("startNodeList", "123")])
        #expect(unknown.code == 10207)
        #expect(unknown.msg == "this node 123 does not exist in the latest process definition")
    }
}
