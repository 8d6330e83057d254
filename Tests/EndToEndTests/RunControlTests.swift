import DagforgeWire
import Foundation
import Testing

/// Backfills, STOP, rerun from failure and SQL tasks on the real engine.
@Suite("Engine runs: backfill, control and SQL")
struct RunControlTests {
    @Test("a backfill over three dates creates three instances with their own system.biz.date")
    func backfill() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("backfill")
        let out = testbed.directory.path + "/dates.txt"
        let codes = try await client.taskCodes(project: project, count: 1)
        let workflow = try await client.createOnlineWorkflow(
            project: project, name: "daily", tasks: [EngineFixtures.shell(codes[0], "stamp", "echo ${system.biz.date} >> \(out)")])
        let trigger = try await client.startRun(project: project, workflow: workflow, extra: [
            ("execType", "COMPLEMENT_DATA"), ("runMode", "RUN_MODE_PARALLEL"), ("expectedParallelismNumber", "2"),
            ("scheduleTime", #"{"complementScheduleDateList":"2024-03-01 00:00:00,2024-03-02 00:00:00,2024-03-05 00:00:00"}"#),
        ])
        let instances = try await client.finishedInstances(project: project, trigger: trigger, count: 3)
        #expect(instances.allSatisfy { $0["state"] == .string("SUCCESS") && $0["commandType"] == .string("COMPLEMENT_DATA") })
        #expect(Set(instances.compactMap { $0["scheduleTime"]?.stringValue })
            == ["2024-03-01 00:00:00", "2024-03-02 00:00:00", "2024-03-05 00:00:00"])
        let dates = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(Set(dates) == ["20240229", "20240301", "20240304"])
        #expect(dates.count == 3)
    }

    @Test("STOP kills the running task; rerun from failure runs only what failed")
    func stopAndRerun() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("control")
        let out = testbed.directory.path + "/ran.txt"
        let flag = testbed.directory.path + "/flag"
        let codes = try await client.taskCodes(project: project, count: 4)

        let slow = try await client.createOnlineWorkflow(project: project, name: "slow", tasks: [
            EngineFixtures.shell(codes[0], "sleeper", "echo started >> \(out); sleep 30; echo finished >> \(out)"),
        ])
        let trigger = try await client.startRun(project: project, workflow: slow)
        let id = try await waitForRunningInstance(client, project: project, trigger: trigger)
        try await waitForLine("started", in: out)
        let stop = try await client.post("/projects/\(project)/executors/execute",
                                         form: ["processInstanceId": String(id), "executeType": "STOP"])
        #expect(stop.code == 0)
        let stopped = try await client.finishedInstance(project: project, id: id, timeout: 20)
        #expect(stopped["state"] == .string("STOP"))
        #expect(try await client.taskStates(project: project, instance: id) == ["sleeper": "KILL"])
        try await Task.sleep(for: .milliseconds(300))
        #expect(!(try String(contentsOfFile: out, encoding: .utf8)).contains("finished"))
        // A finished instance cannot be stopped again: DolphinScheduler's generic error.
        #expect(try await client.post("/projects/\(project)/executors/execute",
                                      form: ["processInstanceId": String(id), "executeType": "STOP"]).code == 50015)

        let gated = try await client.createOnlineWorkflow(project: project, name: "gated", tasks: [
            EngineFixtures.shell(codes[1], "first", "echo first >> \(out)"),
            EngineFixtures.shell(codes[2], "gate", "echo gate >> \(out); test -f \(flag)"),
            EngineFixtures.shell(codes[3], "last", "echo last >> \(out)"),
        ])
        let failed = try #require(try await client.finishedInstances(
            project: project, trigger: try await client.startRun(project: project, workflow: gated)).first)
        #expect(failed["state"] == .string("FAILURE"))
        let failedId = try #require(failed["id"]?.int64Value)
        #expect(try await client.taskStates(project: project, instance: failedId) == ["first": "SUCCESS", "gate": "FAILURE"])

        _ = FileManager.default.createFile(atPath: flag, contents: Data())
        let rerun = try await client.post("/projects/\(project)/executors/execute",
                                          form: ["processInstanceId": String(failedId), "executeType": "START_FAILURE_TASK_PROCESS"])
        #expect(rerun.code == 0)
        try await waitUntil { try await client.taskStates(project: project, instance: failedId)["last"] != nil }
        let rerunInstance = try await client.finishedInstance(project: project, id: failedId)
        #expect(rerunInstance["state"] == .string("SUCCESS"))
        #expect(rerunInstance["runTimes"] == .int(2))
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0 == "first" }.count == 1)
        #expect(lines.filter { $0 == "gate" }.count == 2)
        #expect(lines.filter { $0 == "last" }.count == 1)
    }

    @Test("an SQL task writes into an SQLite datasource")
    func sqlTask() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("sql")
        let database = testbed.directory.path + "/warehouse.sqlite"
        _ = FileManager.default.createFile(atPath: database, contents: Data())
        let body = try WireJSON.string(JSONValue.object(["name": .string("warehouse"), "type": .string("SQLITE"),
                                                         "database": .string(database)]))
        let datasource = try await client.send("POST", "/datasources", body: Data(body.utf8), contentType: "application/json")
        let datasourceId = try #require(datasource.data["id"]?.int64Value)
        let codes = try await client.taskCodes(project: project, count: 1)
        let sql = SqlParameters(type: "SQLITE", datasource: Int(datasourceId),
                                sql: "INSERT INTO loads (day) VALUES ('${system.biz.curdate}')", sqlType: 1,
                                preStatements: ["CREATE TABLE IF NOT EXISTS loads (day TEXT)"])
        let params = try WireJSON.decode(JSONValue.self, from: try WireJSON.string(sql))
        let workflow = try await client.createOnlineWorkflow(project: project, name: "load", tasks: [
            EngineFixtures.logic(codes[0], "insert", type: TaskType.sql, params: params),
        ])
        let instance = try #require(try await client.finishedInstances(
            project: project, trigger: try await client.startRun(project: project, workflow: workflow)).first)
        #expect(instance["state"] == .string("SUCCESS"))
        let query = Process()
        query.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        query.arguments = ["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select day from loads').fetchall())", database]
        let pipe = Pipe()
        query.standardOutput = pipe
        try query.run()
        query.waitUntilExit()
        let today = DolphinDate.string(Date()).prefix(10).replacingOccurrences(of: "-", with: "")
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines) == "[('\(today)',)]")
    }

    private func waitForRunningInstance(_ client: EngineClient, project: Int64, trigger: Int64) async throws -> Int64 {
        var id: Int64?
        try await waitUntil {
            let response = try await client.get("/projects/\(project)/process-instances/trigger", query: ["triggerCode": String(trigger)])
            id = response.data.arrayValue?.first?["id"]?.int64Value
            return id != nil
        }
        return try #require(id)
    }
}

/// Polls `condition` every 50 ms for up to `timeout` seconds.
func waitUntil(timeout: TimeInterval = 30, _ condition: () async throws -> Bool) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw EngineTestError.unexpected("condition not met within \(timeout) s")
}

/// Waits until the text file at `path` has the line `line`.
func waitForLine(_ line: String, in path: String, timeout: TimeInterval = 30) async throws {
    try await waitUntil(timeout: timeout) {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").contains { $0 == line }
    }
}
