import DagforgeTestSupport
import DagforgeWire
import Foundation
import Testing

/// `kill -9` of the engine in the middle of a run.
@Suite("Engine recovery")
struct RecoveryTests {
    @Test("after SIGKILL mid-run and a restart every instance finishes and no succeeded task runs twice")
    func killNineMidRun() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("recovery")
        let out = testbed.directory.path + "/ran.txt"
        let codes = try await client.taskCodes(project: project, count: 3)
        let workflow = try await client.createOnlineWorkflow(project: project, name: "fragile", tasks: [
            EngineFixtures.shell(codes[0], "one", "echo one >> \(out)"),
            EngineFixtures.shell(codes[1], "two", "echo two-start >> \(out); sleep 3; echo two-end >> \(out)"),
            EngineFixtures.shell(codes[2], "three", "echo three >> \(out)"),
        ])
        let trigger = try await client.startRun(project: project, workflow: workflow)
        try await waitForLine("two-start", in: out)
        testbed.engine.kill9()

        try testbed.engine.start()
        let restarted = EngineClient(base: client.base)
        try await restarted.login(password: testbed.engine.adminPassword)
        let instance = try #require(try await restarted.finishedInstances(project: project, trigger: trigger).first)
        #expect(instance["state"] == .string("SUCCESS"))
        let id = try #require(instance["id"]?.int64Value)
        #expect(try await restarted.taskStates(project: project, instance: id) == ["one": "SUCCESS", "two": "SUCCESS", "three": "SUCCESS"])
        // Give a surviving orphan the time to finish its sleep: it must have been killed.
        try await Task.sleep(for: .seconds(3.5))
        try? testbed.engine.engineLog().write(toFile: "/tmp/runtime-recovery-engine.log", atomically: true, encoding: .utf8)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0 == "one" }.count == 1)
        #expect(lines.filter { $0 == "two-start" }.count == 2)
        #expect(lines.filter { $0 == "two-end" }.count == 1)
        #expect(lines.filter { $0 == "three" }.count == 1)
    }
}
