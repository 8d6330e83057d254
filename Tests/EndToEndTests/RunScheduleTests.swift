import DagforgeWire
import Foundation
import Testing

/// ONLINE schedules fire on their cron.
@Suite("Engine runs: schedules")
struct RunScheduleTests {
    @Test("an ONLINE schedule fires SCHEDULER instances whose schedule time is the fire time")
    func scheduleFires() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("fired")
        let codes = try await client.taskCodes(project: project, count: 1)
        let workflow = try await client.createOnlineWorkflow(project: project, name: "every_second",
                                                             tasks: [EngineFixtures.shell(codes[0], "tick", "true")])
        let schedule = #"{"startTime":"2020-01-01 00:00:00","endTime":"2100-01-01 00:00:00","timezoneId":"UTC","crontab":"*/2 * * * * ? *"}"#
        let created = try await client.post("/projects/\(project)/schedules",
                                            form: ["processDefinitionCode": String(workflow), "schedule": schedule])
        let id = try #require(created.data["id"]?.int64Value)
        #expect(try await client.post("/projects/\(project)/schedules/\(id)/online").code == 0)
        var instances: [JSONValue] = []
        try await waitUntil(timeout: 20) {
            let list = try await client.get("/projects/\(project)/process-instances", query: ["pageNo": "1", "pageSize": "10"])
            instances = list.data["totalList"]?.arrayValue ?? []
            return instances.filter { $0["state"] == .string("SUCCESS") }.count >= 2
        }
        #expect(try await client.post("/projects/\(project)/schedules/\(id)/offline").code == 0)
        #expect(instances.allSatisfy { $0["commandType"] == .string("SCHEDULER") })
        let seconds = instances.compactMap { $0["scheduleTime"]?.stringValue?.suffix(2) }.compactMap { Int($0) }
        #expect(seconds.count == instances.count)
        #expect(seconds.allSatisfy { $0 % 2 == 0 })
        #expect(Set(instances.compactMap { $0["scheduleTime"]?.stringValue }).count == instances.count)
    }
}
