import DagforgeWire
import Foundation
import Testing

/// Projects, queues, tenants, worker groups, environments and datasources through the real engine.
@Suite("Engine projects and resources", .serialized)
struct EngineResourceTests {
    @Test("projects: create (201), duplicate returned with 201, update, paging quirks, delete")
    func projects() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let created = try await client.post("/projects", form: ["projectName": "pv", "description": "pharmacovigilance"])
        #expect(created.status == 201)
        #expect(created.code == 0)
        let code = try #require(created.data["code"]?.int64Value)
        #expect(code > 1 << 30)
        let duplicate = try await client.post("/projects", form: ["projectName": "pv"])
        #expect(duplicate.status == 201)
        #expect(duplicate.code == 10019)
        #expect(duplicate.msg == "project pv already exists")

        #expect(try await client.put("/projects/\(code)", form: ["projectName": "pv2", "userName": "ignored"]).code == 0)
        #expect(try await client.get("/projects/\(code)").data["name"] == .string("pv2"))
        #expect(try await client.get("/projects/99").msg == "project  not found ")
        let list = try await client.get("/projects/list")
        #expect(list.data.arrayValue?.first?["code"]?.int64Value == code)
        let empty = try await client.get("/projects", query: ["pageNo": "1", "pageSize": "10", "searchVal": "zzz"])
        #expect(empty.data["totalPage"] == .int(1))
        #expect(empty.data["total"] == .int(0))
        let paged = try await client.get("/projects/project-with-authorized-level-list-paging",
                                         query: ["userId": "1", "pageNo": "1", "pageSize": "10"])
        #expect(paged.text.contains("pv2"))
        #expect(try await client.get("/projects/unauth-project", query: ["userId": "1"]).text.contains("pv2"))
        #expect(try await client.get("/projects/authed-project", query: ["userId": "1"]).data == .array([]))
        #expect(try await client.get("/projects/created-and-authed").text.contains("pv2"))
        #expect(try await client.get("/projects/list-dependent").text.contains("pv2"))
        #expect(try await client.get("/projects", query: ["pageNo": "x", "pageSize": "10"]).code == 10049)
        #expect(try await client.delete("/projects/\(code)").data == .bool(true))
    }

    @Test("tenants, queues and worker groups as the API tests drive them")
    func tenantsQueuesWorkerGroups() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client

        // The API tests send un-encoded form bodies starting with "?&".
        let raw = try await client.send("POST", "/tenants", body: Data("?&tenantCode=etl&queueId=1&description=".utf8),
                                        contentType: "application/x-www-form-urlencoded")
        #expect(raw.status == 201)
        #expect(raw.code == 0)
        let again = try await client.post("/tenants", form: ["tenantCode": "etl", "queueId": "1"])
        #expect(again.success == false)
        #expect(again.code == 10009)
        #expect(try await client.post("/tenants", form: ["tenantCode": "-bad", "queueId": "1"]).code == 10164)
        let page = try await client.send("GET", "/tenants/?&pageSize=10&pageNo=1&searchVal=")
        let tenant = try #require(page.data["totalList"]?.arrayValue?.first { $0["tenantCode"] == .string("etl") })
        #expect(tenant["queueName"] == .string("default"))
        let id = try #require(tenant["id"]?.int64Value)
        #expect(try await client.get("/tenants/verify-code", query: ["tenantCode": "etl"]).code == 10009)
        #expect(try await client.put("/tenants/\(id)", form: ["tenantCode": "etl2", "queueId": "1"]).code == 0)
        #expect(try await client.delete("/tenants/\(id)").code == 0)
        #expect(try await client.delete("/tenants/\(id)").msg == "tenant [{0}] not exists")

        let queue = try await client.post("/queues", form: ["queue": "q1", "queueName": "first"])
        #expect(queue.status == 201)
        #expect(try await client.post("/queues", form: ["queue": "q1", "queueName": "other"]).code == 10129)
        #expect(try await client.post("/queues/verify", form: ["queue": "q2", "queueName": "second"]).code == 0)
        #expect(try await client.get("/queues", query: ["pageNo": "1", "pageSize": "10"]).data["total"] == .int(2))

        let address = try #require(try await client.get("/worker-groups/worker-address-list").data.arrayValue?.first?.stringValue)
        let saved = try await client.post("/worker-groups", form: ["id": "1000", "name": "test_worker_group", "addrList": address,
                                                                   "description": "tests"])
        #expect(saved.code == 0)
        #expect(try await client.get("/worker-groups/all").data == .array([.string("default"), .string("test_worker_group")]))
        let bad = try await client.post("/worker-groups", form: ["name": "bad", "addrList": "10.255.255.1:1234"])
        #expect(bad.code == 10177)
        #expect(bad.msg == "worker address 10.255.255.1:1234 invalid")
        #expect(try await client.post("/worker-groups", form: ["name": "test_worker_group", "addrList": ""]).code == 10135)
        let groups = try await client.get("/worker-groups", query: ["pageNo": "1", "pageSize": "2"])
        #expect(groups.text.contains("test_worker_group"))
        let groupId = try #require(saved.data["id"]?.int64Value)
        #expect(try await client.delete("/worker-groups/\(groupId)").code == 0)
        #expect(try await client.get("/worker-groups/all").data == .array([.string("default")]))
    }

    @Test("environments and datasources (SQLITE)")
    func environmentsAndDatasources() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client

        let created = try await client.post("/environment/create", form: ["name": "py311", "config": "export PYTHON_LAUNCHER=python3",
                                                                          "workerGroups": #"["default"]"#])
        #expect(created.status == 201)
        let code = try #require(created.data.int64Value)
        let environment = try await client.get("/environment/query-by-code", query: ["environmentCode": String(code)])
        #expect(environment.data["workerGroups"] == .array([.string("default")]))
        #expect(try await client.get("/environment/query-environment-list").data.arrayValue?.count == 1)
        #expect(try await client.post("/environment/create", form: ["name": "py311", "config": "x"]).code == 120002)
        #expect(try await client.post("/environment/delete", form: ["environmentCode": String(code)]).code == 0)

        try FileManager.default.createDirectory(at: testbed.directory.url, withIntermediateDirectories: true)
        let file = testbed.directory.url.appendingPathComponent("dw.sqlite")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data())
        let body = try WireJSON.string(JSONValue.object(["name": .string("dw_sqlite"), "type": .string("SQLITE"),
                                                         "database": .string(file.path), "note": .string("warehouse")]))
        let connect = try await client.send("POST", "/datasources/connect", body: Data(body.utf8), contentType: "application/json")
        #expect(connect.code == 0)
        let datasource = try await client.send("POST", "/datasources", body: Data(body.utf8), contentType: "application/json")
        #expect(datasource.status == 201)
        #expect(datasource.code == 0)
        let id = try #require(datasource.data["id"]?.int64Value)
        #expect(try await client.send("POST", "/datasources", body: Data(body.utf8), contentType: "application/json").code == 10015)
        let byType = try await client.get("/datasources/list", query: ["type": "SQLITE"])
        #expect(byType.data.arrayValue?.first?["name"] == .string("dw_sqlite"))
        #expect(try await client.get("/datasources/list", query: ["type": "NOSUCH"]).code == 10035)
        #expect(try await client.get("/datasources/\(id)").data["database"] == .string(file.path))
        #expect(try await client.get("/datasources/\(id)/connect-test").code == 0)
        let missing = try WireJSON.string(JSONValue.object(["name": .string("gone"), "type": .string("SQLITE"),
                                                            "database": .string("/nonexistent/x.db")]))
        #expect(try await client.send("POST", "/datasources/connect", body: Data(missing.utf8), contentType: "application/json").code == 10037)
        #expect(try await client.send("POST", "/datasources", body: Data("{oops".utf8), contentType: "application/json").code == 10001)
        #expect(try await client.delete("/datasources/\(id)").code == 0)
        #expect(try await client.get("/datasources/\(id)").code == 20004)
    }
}
