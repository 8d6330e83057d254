@testable import DagforgeDeploy
import DagforgeWire
import Foundation
import Testing

/// Every typed call against a real HTTP server: method, path and parameter names as DolphinScheduler
/// 3.2.2's controllers declare them (and 3.3's renames).
@Suite struct ClientRequestTests {
    /// Canned `data` per path, enough for each call to decode.
    static func cannedReply(_ request: RecordedRequest, _: [RecordedRequest]) -> Reply {
        let path = request.path
        if path.hasSuffix("/projects/list") { return .ok(#"[{"id":1,"userId":1,"code":77,"name":"pv","perm":0,"defCount":0,"instRunningCount":0}]"#) }
        if path.hasSuffix("/projects") { return .ok(#"{"id":2,"userId":1,"code":78,"name":"new","perm":0,"defCount":0,"instRunningCount":0}"#, status: 201) }
        if path.hasSuffix("/all") || path.hasSuffix("/datasources/list") || path.hasSuffix("/tenants/list")
            || path.hasSuffix("/query-environment-list") || path.hasSuffix("/schedules/list") || path.hasSuffix("/trigger") {
            return .ok("[]")
        }
        if path.hasSuffix("/worker-groups/all") { return .ok(#"["default"]"#) }
        if path.hasSuffix("/gen-task-codes") { return .ok("[" + (0..<(Int(request.parameters["genNum"] ?? "1") ?? 1)).map { String(1000 + $0) }.joined(separator: ",") + "]") }
        if path.hasSuffix("/datasources") { return .ok(#"{"totalList":[],"total":0,"totalPage":1,"pageSize":100,"currentPage":1,"pageNo":0}"#) }
        if path.hasSuffix("-definition") { return .ok(#"{"id":5,"code":555,"name":"wf","version":0,"projectCode":77,"userId":1}"#, status: 201) }
        if path.hasSuffix("/schedules") { return .ok(Self.scheduleJSON, status: 201) }
        if path.hasSuffix("start-process-instance") { return .ok("123456789012") }
        if path.hasSuffix("start-workflow-instance") { return .ok("[41]") }
        if path.hasSuffix("/log/detail") { return .ok(#"{"lineNum":1,"message":"hello"}"#) }
        if path.hasSuffix("/batch-export") { return Reply(status: 200, body: "[]") }
        return .ok("null")
    }

    static let scheduleJSON = #"{"id":9,"processDefinitionCode":555,"startTime":"2024-01-01 00:00:00","endTime":"2100-01-01 00:00:00","timezoneId":"UTC","crontab":"0 0 2 * * ? *","failureStrategy":"END","warningType":"NONE","userId":1,"releaseState":"OFFLINE","warningGroupId":0,"processInstancePriority":"MEDIUM","workerGroup":"default","tenantCode":"default","environmentCode":-1}"#

    static let schedule = ScheduleRequest(
        param: ScheduleParam(startTime: "2024-01-01 00:00:00", endTime: "2100-01-01 00:00:00", crontab: "0 0 2 * * ? *", timezoneId: "UTC"),
        warningType: .NONE, warningGroupId: 0, failureStrategy: .END, workerGroup: "default", tenantCode: "default",
        environmentCode: -1, priority: .MEDIUM)

    /// Runs every typed call once and returns what the server saw.
    static func exerciseAll(version: DolphinAPIVersion) async throws -> [RecordedRequest] {
        try await RecordingServer.with(cannedReply) { baseURL, log in
            let client = DolphinClient(configuration: .init(baseURL: baseURL, credentials: .token("t0ken"), apiVersion: version))
            _ = try await client.listProjects()
            _ = try await client.createProject(name: "new", description: "d")
            _ = try await client.listDataSources(type: .POSTGRESQL)
            _ = try await client.allDataSources()
            _ = try await client.workerGroupNames()
            _ = try await client.listTenants()
            _ = try await client.listEnvironments()
            _ = try await client.allDefinitions(project: 77)
            _ = try await client.createDefinition(project: 77, Fixtures.compiled().definition)
            try await client.updateDefinition(project: 77, code: 555, Fixtures.compiled().definition)
            try await client.release(project: 77, code: 555, state: .ONLINE)
            try await client.deleteDefinition(project: 77, code: 555)
            _ = try await client.exportDefinitions(project: 77, codes: [555, 556])
            _ = try await client.generateTaskCodes(project: 77, count: 3)
            _ = try await client.listSchedules(project: 77)
            _ = try await client.createSchedule(project: 77, definitionCode: 555, schedule)
            try await client.updateSchedule(project: 77, id: 9, schedule)
            try await client.scheduleOnline(project: 77, id: 9)
            try await client.scheduleOffline(project: 77, id: 9)
            try await client.deleteSchedule(project: 77, id: 9)
            _ = try await client.startRun(project: 77, definitionCode: 555)
            _ = try await client.instances(project: 77, triggerCode: 1)
            _ = try await client.taskLog(taskInstanceId: 3)
            return await log.requests
        }
    }

    static func signature(_ request: RecordedRequest) -> String {
        request.method + " " + request.path.replacingOccurrences(of: "/dolphinscheduler", with: "") + " "
            + request.parameterNames.sorted().joined(separator: ",")
    }

    static let definitionFields = "description,executionType,globalParams,locations,name,taskDefinitionJson,taskRelationJson,timeout"

    @Test func version32RequestsMatchControllers() async throws {
        let seen = try await Self.exerciseAll(version: .v3_2).map(Self.signature)
        #expect(seen == [
            "GET /projects/list ",
            "POST /projects description,projectName",
            "GET /datasources/list type",
            "GET /datasources pageNo,pageSize",
            "GET /worker-groups/all ",
            "GET /tenants/list ",
            "GET /environment/query-environment-list ",
            "GET /projects/77/process-definition/all ",
            "POST /projects/77/process-definition \(Self.definitionFields)",
            "PUT /projects/77/process-definition/555 \(Self.definitionFields.replacingOccurrences(of: "name,", with: "name,releaseState,"))",
            "POST /projects/77/process-definition/555/release releaseState",
            "DELETE /projects/77/process-definition/555 ",
            "POST /projects/77/process-definition/batch-export codes",
            "GET /projects/77/task-definition/gen-task-codes genNum",
            "POST /projects/77/schedules/list ",
            "POST /projects/77/schedules environmentCode,failureStrategy,processDefinitionCode,processInstancePriority,schedule,tenantCode,warningGroupId,warningType,workerGroup",
            "PUT /projects/77/schedules/9 environmentCode,failureStrategy,processInstancePriority,schedule,tenantCode,warningGroupId,warningType,workerGroup",
            "POST /projects/77/schedules/9/online ",
            "POST /projects/77/schedules/9/offline ",
            "DELETE /projects/77/schedules/9 ",
            "POST /projects/77/executors/start-process-instance failureStrategy,processDefinitionCode,scheduleTime,tenantCode,warningType,workerGroup",
            "GET /projects/77/process-instances/trigger triggerCode",
            "GET /log/detail limit,skipLineNum,taskInstanceId",
        ])
    }

    @Test func version33RenamesPathsAndParameters() async throws {
        let seen = try await Self.exerciseAll(version: .v3_3).map(Self.signature)
        #expect(seen.contains("GET /projects/77/workflow-definition/all "))
        #expect(seen.contains("POST /projects/77/workflow-definition/555/release releaseState"))
        #expect(seen.contains("POST /projects/77/schedules environmentCode,failureStrategy,schedule,tenantCode,warningGroupId,warningType,workerGroup,workflowDefinitionCode,workflowInstancePriority"))
        #expect(seen.contains("POST /projects/77/executors/start-workflow-instance failureStrategy,scheduleTime,tenantCode,warningType,workerGroup,workflowDefinitionCode"))
        #expect(seen.contains("GET /projects/77/workflow-instances/trigger triggerCode"))
        #expect(!seen.contains { $0.contains("process") })
    }

    @Test func startRunSendsRequiredEmptyScheduleTimeAndReturnsTriggerCode() async throws {
        try await RecordingServer.with(Self.cannedReply) { baseURL, log in
            let client = DolphinClient(configuration: .init(baseURL: baseURL, credentials: .token("t")))
            let started = try await client.startRun(project: 77, definitionCode: 555, startParams: ["dt": "2024-01-01"])
            #expect(started == .trigger(123_456_789_012))
            let request = try #require(await log.requests.last)
            #expect(request.parameters["scheduleTime"] == "")
            #expect(request.parameters["startParams"] == #"{"dt":"2024-01-01"}"#)
        }
    }

    @Test func jsonFormFieldsSurviveFormEncoding() async throws {
        var compiled = Fixtures.compiled()
        compiled.definition.description = "a+b & c=d ünïcødé 100%"
        compiled.definition.taskDefinitionJson[0].taskParams = .object(["rawScript": .string("echo 'x&y=z' + 1\n# ${dt}")])
        let definition = compiled.definition
        try await RecordingServer.with(Self.cannedReply) { baseURL, log in
            let client = DolphinClient(configuration: .init(baseURL: baseURL, credentials: .token("t")))
            _ = try await client.createDefinition(project: 77, definition)
            let request = try #require(await log.requests.last)
            #expect(request.headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true)
            for (name, value) in try definition.formFields() {
                #expect(request.parameters[name] == value, "field \(name)")
            }
            let tasks = try WireJSON.decode([TaskDefinition].self, from: request.parameters["taskDefinitionJson"] ?? "")
            #expect(tasks == definition.taskDefinitionJson)
        }
    }
}
