import DagforgeWire
import Foundation
import Testing

/// PAUSE and RECOVER_SUSPENDED_PROCESS through the executor API on the real engine.
@Suite("Engine runs: pause and recover")
struct RunPauseTests {
    @Test("PAUSE lets the running task finish and starts nothing more; recovering runs the rest once")
    func pauseAndRecover() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("pause")
        let out = testbed.directory.path + "/ran.txt"
        let gate = testbed.directory.path + "/gate"
        let codes = try await client.taskCodes(project: project, count: 3)
        let workflow = try await client.createOnlineWorkflow(project: project, name: "chain", tasks: [
            EngineFixtures.shell(codes[0], "first", "echo first >> \(out); while [ ! -f \(gate) ]; do sleep 0.1; done"),
            EngineFixtures.shell(codes[1], "second", "echo second >> \(out)"),
            EngineFixtures.shell(codes[2], "third", "echo third >> \(out)"),
        ])
        let trigger = try await client.startRun(project: project, workflow: workflow)
        try await waitForLine("first", in: out)
        let id = try #require(try await client.get("/projects/\(project)/process-instances/trigger",
                                                   query: ["triggerCode": String(trigger)]).data.arrayValue?.first?["id"]?.int64Value)
        let execute = "/projects/\(project)/executors/execute"
        #expect(try await client.post(execute, form: ["processInstanceId": String(id), "executeType": "PAUSE"]).code == 0)
        #expect(try await client.get("/projects/\(project)/process-instances/\(id)").data["state"] == .string("READY_PAUSE"))

        // The running task is not killed: it finishes once let through, and the chain stops behind it.
        _ = FileManager.default.createFile(atPath: gate, contents: Data())
        let paused = try await client.finishedInstance(project: project, id: id)
        #expect(paused["state"] == .string("PAUSE"))
        #expect(try await client.taskStates(project: project, instance: id) == ["first": "SUCCESS"])
        try await Task.sleep(for: .milliseconds(500))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "first\n")

        #expect(try await client.post(execute, form: ["processInstanceId": String(id),
                                                      "executeType": "RECOVER_SUSPENDED_PROCESS"]).code == 0)
        try await waitUntil { try await client.taskStates(project: project, instance: id)["third"] != nil }
        let recovered = try await client.finishedInstance(project: project, id: id)
        #expect(recovered["state"] == .string("SUCCESS"))
        #expect(recovered["runTimes"] == .int(2))
        #expect(try await client.taskStates(project: project, instance: id)
            == ["first": "SUCCESS", "second": "SUCCESS", "third": "SUCCESS"])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "first\nsecond\nthird\n")
        let all = try await client.get("/projects/\(project)/task-instances",
                                       query: ["pageNo": "1", "pageSize": "10", "processInstanceId": String(id)])
        #expect(all.data["total"] == .int(3))
    }
}
