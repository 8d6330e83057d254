import DagforgeWire
import Foundation
import Testing

/// Task timeouts on the real engine (DolphinScheduler counts `timeout` in minutes).
@Suite("Engine runs: timeouts")
struct RunTimeoutTests {
    @Test("a FAILED timeout kills the task's process after a minute; a WARN timeout lets the task finish")
    func timeouts() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("timeouts")
        let pidFile = testbed.directory.path + "/sleeper.pid"
        let codes = try await client.taskCodes(project: project, count: 2)
        // Both tasks start together, so the whole test takes about a minute.
        let workflow = try await client.createOnlineWorkflow(project: project, name: "slow", tasks: [
            EngineFixtures.shell(codes[0], "killed", "echo $$ > \(pidFile); exec sleep 600",
                                 timeoutMinutes: 1, timeoutStrategy: "FAILED"),
            EngineFixtures.shell(codes[1], "warned", "sleep 63; echo done", timeoutMinutes: 1, timeoutStrategy: "WARN"),
        ], relations: [ProcessTaskRelation(preTaskCode: 0, postTaskCode: codes[0]),
                       ProcessTaskRelation(preTaskCode: 0, postTaskCode: codes[1])])
        let trigger = try await client.startRun(project: project, workflow: workflow)
        let instance = try #require(try await client.finishedInstances(project: project, trigger: trigger, timeout: 150).first)
        let id = try #require(instance["id"]?.int64Value)
        #expect(instance["state"] == .string("FAILURE"))
        #expect(try await client.taskStates(project: project, instance: id) == ["killed": "FAILURE", "warned": "SUCCESS"])

        let killed = try #require(try await client.taskInstance(project: project, instance: id, name: "killed"))
        let ranFor = try #require(seconds(from: killed["startTime"], to: killed["endTime"]))
        #expect((59...90).contains(ranFor), "the killed task ran \(ranFor) s")
        let pid = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!isSleeping(pid: pid), "sleep 600 (pid \(pid)) still runs")

        let warned = try #require(try await client.taskInstance(project: project, instance: id, name: "warned"))
        #expect(try #require(seconds(from: warned["startTime"], to: warned["endTime"])) >= 63)
        let log = try await client.get("/log/detail", query: ["taskInstanceId": String(warned["id"]?.int64Value ?? 0),
                                                              "skipLineNum": "0", "limit": "100"])
        let message = log.data["message"]?.stringValue ?? ""
        #expect(message.contains("timed out"))
        #expect(message.contains("done"))
    }

    private func seconds(from start: JSONValue?, to end: JSONValue?) -> Int? {
        guard let start = start?.stringValue.flatMap({ DolphinDate.date($0) }),
              let end = end?.stringValue.flatMap({ DolphinDate.date($0) }) else { return nil }
        return Int(end.timeIntervalSince(start))
    }

    /// Whether `pid` is still the task's `sleep 600` (a reused pid running something else does not count).
    private func isSleeping(pid: String) -> Bool {
        guard let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let isZombie = stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") == true
        return !isZombie && String(decoding: commandLine, as: UTF8.self).hasPrefix("sleep\u{0}600")
    }
}
