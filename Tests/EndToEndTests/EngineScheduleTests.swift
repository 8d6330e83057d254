import DagforgeWire
import Foundation
import Testing

/// Schedules through the real engine, as DolphinScheduler's API tests drive them.
@Suite("Engine schedules", .serialized)
struct EngineScheduleTests {
    @Test("create on an ONLINE workflow, list, online/offline, update, delete and the refusals")
    func scheduleLifecycle() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("scheduled")
        let workflow = try await client.createWorkflow(project: project, name: "nightly")
        let base = "/projects/\(project)/schedules"
        let release = "/projects/\(project)/process-definition/\(workflow.code)/release"

        let offline = try await client.post(base, form: ["processDefinitionCode": String(workflow.code),
                                                         "schedule": EngineFixtures.scheduleJSON])
        #expect(offline.code == 50004)
        #expect(try await client.post(release, form: ["releaseState": "ONLINE"]).code == 0)

        let badCron = EngineFixtures.scheduleJSON.replacingOccurrences(of: "0 0 3/6 * * ? *", with: "0 0 99 * * ? *")
        let invalid = try await client.post(base, form: ["processDefinitionCode": String(workflow.code), "schedule": badCron])
        #expect(invalid.status == 201)
        #expect(invalid.code == 10001)
        #expect(invalid.msg == "request parameter 0 0 99 * * ? * is not valid")

        let created = try await client.post(base, form: ["projectCode": String(project), "processDefinitionCode": String(workflow.code),
                                                         "schedule": EngineFixtures.scheduleJSON])
        #expect(created.status == 201)
        #expect(created.code == 0)
        #expect(created.text.contains("2019-08-08"))
        #expect(created.data["releaseState"] == .string("OFFLINE"))
        #expect(created.data["failureStrategy"] == .string("CONTINUE"))
        #expect(created.data["warningGroupId"] == .int(1))
        let id = try #require(created.data["id"]?.int64Value)
        let twice = try await client.post(base, form: ["processDefinitionCode": String(workflow.code), "schedule": EngineFixtures.scheduleJSON])
        #expect(twice.code == 10204)
        #expect(twice.msg == "workflow \(workflow.code) schedule \(id) already exist, please update or delete it")

        #expect(try await client.post("\(base)/\(id)/online").code == 0)
        let list = try await client.post("\(base)/list", form: ["projectCode": String(project)])
        #expect(list.data.arrayValue?.first?["releaseState"] == .string("ONLINE"))
        #expect(list.data.arrayValue?.first?["startTime"] == .string("2019-08-08 00:00:00"))
        #expect(try await client.put("\(base)/\(id)", form: ["schedule": EngineFixtures.scheduleJSON]).code == 10023)
        #expect(try await client.delete("\(base)/\(id)").code == 50023)
        #expect(try await client.delete("/projects/\(project)/process-definition/\(workflow.code)").code == 50021)

        // Taking the workflow offline takes its schedule offline; bringing it back does not.
        #expect(try await client.post(release, form: ["releaseState": "OFFLINE"]).code == 0)
        #expect(try await client.post(release, form: ["releaseState": "ONLINE"]).code == 0)
        let paged = try await client.get(base, query: ["pageNo": "1", "pageSize": "10", "processDefinitionCode": String(workflow.code)])
        #expect(paged.data["totalList"]?.arrayValue?.first?["releaseState"] == .string("OFFLINE"))

        let updatedJSON = EngineFixtures.scheduleJSON.replacingOccurrences(of: "2019-08-08", with: "1996-08-08")
        let updated = try await client.put("\(base)/\(id)", form: ["schedule": updatedJSON])
        #expect(updated.code == 0)
        #expect(updated.data["failureStrategy"] == .string("END"))
        #expect(try await client.post("\(base)/list").text.contains("1996-08-08"))
        #expect(try await client.put("\(base)/update/\(workflow.code)", form: ["schedule": updatedJSON]).code == 10077)
        #expect(try await client.put("\(base)/update/\(workflow.code)", form: ["schedule": updatedJSON, "warningGroupId": "2"]).code == 0)
        #expect(try await client.post("\(base)/999/online").code == 0)

        #expect(try await client.put("\(base)/\(id)", form: ["schedule": badCron]).code == 10024)

        let backwards = #"{"startTime":"2030-01-01 00:00:00","endTime":"2020-01-01 00:00:00","timezoneId":"UTC","crontab":"0 0 * * * ? *"}"#
        #expect(try await client.put("\(base)/\(id)", form: ["schedule": backwards]).code == 80003)
        #expect(try await client.delete("\(base)/\(id)").code == 0)
        #expect(try await client.delete("\(base)/\(id)").code == 10203)
    }

    @Test("preview lists the next five fire times in the schedule's time zone")
    func preview() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("preview")
        let schedule = #"{"startTime":"2020-01-01 00:00:00","endTime":"2100-01-01 00:00:00","timezoneId":"Asia/Shanghai","crontab":"0 30 2 * * ? *"}"#
        let preview = try await client.post("/projects/\(project)/schedules/preview", form: ["schedule": schedule])
        #expect(preview.status == 201)
        let times = preview.data.arrayValue?.compactMap { $0.stringValue } ?? []
        #expect(times.count == 5)
        #expect(times.allSatisfy { $0.hasSuffix(" 02:30:00") })
        #expect(times == times.sorted())
        let bad = try await client.post("/projects/\(project)/schedules/preview",
                                        form: ["schedule": schedule.replacingOccurrences(of: "0 30 2", with: "0 30 25")])
        #expect(bad.code == 10140)
    }
}
