@testable import DagforgeDeploy
import DagforgeWire
import Testing

/// Following a run: instance, its tasks (with the `toString()` state quirk) and a log chunk.
@Suite struct ClientRunTests {
    @Test func instanceTasksAndLogAreRead() async throws {
        let instance = ProcessInstance(id: 41, processDefinitionCode: 555, processDefinitionVersion: 2, projectCode: 77,
                                       state: .SUCCESS, name: "wf-2-20240101", commandType: .START_PROCESS, executorId: 1)
        let task = TaskInstance(id: 3, name: "extract", taskType: "SQL", processInstanceId: 41, projectCode: 77, taskCode: 9,
                                taskDefinitionVersion: 1, state: .FAILURE, executorId: 1)
        let instanceJSON = try WireJSON.string(instance), taskJSON = try WireJSON.string(task)
        let handler: @Sendable (RecordedRequest, [RecordedRequest]) -> Reply = { request, _ in
            if request.path.hasSuffix("/process-instances/41") { return .ok(instanceJSON) }
            if request.path.hasSuffix("/process-instances/41/tasks") {
                return .ok(#"{"processInstanceState":"WorkflowExecutionStatus{code=7, desc='success'}","taskList":[\#(taskJSON)]}"#)
            }
            return .ok(#"{"lineNum":2,"message":"[LOG-PATH]: /tmp/x.log, [HOST]:  h\nboom"}"#)
        }
        try await RecordingServer.with(handler) { baseURL, log in
            let client = DolphinClient(configuration: .init(baseURL: baseURL, credentials: .token("t")))
            let read = try await client.instance(project: 77, id: 41)
            #expect(read.state == .SUCCESS)
            let tasks = try await client.instanceTasks(project: 77, id: 41)
            #expect(tasks.taskList.map(\.state) == [.FAILURE])
            #expect(tasks.processInstanceState == "WorkflowExecutionStatus{code=7, desc='success'}")
            let chunk = try await client.taskLog(taskInstanceId: 3, skipLineNum: 0, limit: 100)
            #expect(chunk.message.hasSuffix("boom"))
            #expect(await log.requests.last?.parameters == ["taskInstanceId": "3", "skipLineNum": "0", "limit": "100"])
        }
    }
}
