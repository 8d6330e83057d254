import DagforgeTestSupport
import DagforgeWire
import Foundation
import Testing

/// An SQL task on a POSTGRESQL datasource created through the API, against a real PostgreSQL server.
@Suite("Engine runs: SQL on PostgreSQL")
struct RunPostgresTests {
    @Test("an SQL task writes into PostgreSQL, with a parameter taken from the business date")
    func postgresTask() async throws {
        let server = try await TemporaryPostgres.start()
        defer { server.stop() }
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("postgres")
        let body = try WireJSON.string(JSONValue.object([
            "name": .string("warehouse"), "type": .string("POSTGRESQL"), "host": .string("127.0.0.1"),
            "port": .int(Int64(server.port)), "database": .string("postgres"), "userName": .string("postgres"),
            "password": .string(""),
        ]))
        let datasource = try await client.send("POST", "/datasources", body: Data(body.utf8), contentType: "application/json")
        let datasourceId = try #require(datasource.data["id"]?.int64Value, "\(datasource.text)")

        let codes = try await client.taskCodes(project: project, count: 1)
        let sql = SqlParameters(
            type: "POSTGRESQL", datasource: Int(datasourceId),
            sql: "insert into loads (day, n) values ('${bizdate}', 1); insert into loads (day, n) values ('${bizdate}', 2)",
            sqlType: 1, preStatements: ["create table if not exists loads (day text, n integer)"],
            postStatements: ["update loads set n = n * 10 where n = 2"],
            localParams: [Property(prop: "bizdate", direct: .IN, value: "${system.biz.date}")])
        let params = try WireJSON.decode(JSONValue.self, from: try WireJSON.string(sql))
        let workflow = try await client.createOnlineWorkflow(project: project, name: "load", tasks: [
            EngineFixtures.logic(codes[0], "insert", type: TaskType.sql, params: params),
        ])
        // A one-date backfill fixes the business date: the day before 2024-03-01.
        let trigger = try await client.startRun(project: project, workflow: workflow, extra: [
            ("execType", "COMPLEMENT_DATA"), ("scheduleTime", #"{"complementScheduleDateList":"2024-03-01 00:00:00"}"#),
        ])
        let instance = try #require(try await client.finishedInstances(project: project, trigger: trigger).first)
        #expect(instance["state"] == .string("SUCCESS"))
        #expect(try server.psql("select string_agg(day || ':' || n, ',' order by n) from loads") == "20240229:1,20240229:20")
    }
}
