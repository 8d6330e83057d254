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
        let firstPid = testbed.directory.path + "/first.pid"
        let codes = try await client.taskCodes(project: project, count: 3)
        // The first run of `two` outlives the engine; the restarted engine must kill it and run `two` again.
        let workflow = try await client.createOnlineWorkflow(project: project, name: "fragile", tasks: [
            EngineFixtures.shell(codes[0], "one", "echo one >> \(out)"),
            EngineFixtures.shell(codes[1], "two", """
                if [ -f \(firstPid) ]; then echo two-again >> \(out); else
                  echo $$ > \(firstPid); echo two-start >> \(out); sleep 60; echo two-orphan >> \(out); fi
                """),
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
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == ["one", "two-start", "two-again", "three"])
        let orphan = try #require(Int32(try String(contentsOfFile: firstPid, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.isGone(orphan), "the first run of `two` (pid \(orphan)) survived the restart")
    }

    /// No such process, or only a zombie left.
    private static func isGone(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return true }
        return status.contains("State:\tZ")
    }
}
