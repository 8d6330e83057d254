import DagforgeWire
import Foundation
import Testing

/// Workflow definitions through the real engine, the way DolphinScheduler's API tests and a deployer use them.
@Suite("Engine workflow definitions", .serialized)
struct EngineWorkflowTests {
    @Test("create, query, update as new versions, release, and the ONLINE refusals")
    func lifecycle() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("workflows")
        let base = "/projects/\(project)/process-definition"
        let codes = try await client.taskCodes(project: project, count: 2)
        let tasks = [EngineFixtures.shellTask(code: codes[0], name: "extract"),
                     EngineFixtures.shellTask(code: codes[1], name: "load")]

        let created = try await client.post(base, pairs: try EngineFixtures.workflowForm(name: "pv_daily", tasks: tasks))
        #expect(created.status == 201)
        #expect(created.code == 0)
        #expect(created.data["version"] == .int(0))
        #expect(created.data["releaseState"] == .null)
        let code = try #require(created.data["code"]?.int64Value)

        let duplicate = try await client.post(base, pairs: try EngineFixtures.workflowForm(name: "pv_daily", tasks: tasks))
        #expect(duplicate.status == 200)
        #expect(duplicate.code == 10168)
        #expect(duplicate.msg == "process definition name pv_daily already exists")

        let dag = try await client.get("\(base)/\(code)")
        #expect(dag.data["processDefinition"]?["version"] == .int(1))
        #expect(dag.data["processDefinition"]?["releaseState"] == .string("OFFLINE"))
        #expect(dag.data["processDefinition"]?["globalParams"]?.stringValue?.contains("dt") == true)
        #expect(dag.data["processTaskRelationList"]?.arrayValue?.count == 2)
        #expect(dag.data["taskDefinitionList"]?.arrayValue?.first?["taskParams"]?["rawScript"] == .string("echo hello world"))
        #expect(dag.text.contains("hello world"))

        // Update: same tasks → new workflow version, task versions unchanged; a changed task → task version 2.
        var changed = tasks
        changed[1] = EngineFixtures.shellTask(code: codes[1], name: "load", script: "echo changed")
        let update = try await client.put("\(base)/\(code)", pairs: try EngineFixtures.workflowForm(name: "pv_daily", tasks: changed))
        #expect(update.status == 200)
        #expect(update.code == 0)
        #expect(update.data["version"] == .int(1))
        let updated = try await client.get("\(base)/\(code)")
        #expect(updated.data["processDefinition"]?["version"] == .int(2))
        let versions = updated.data["taskDefinitionList"]?.arrayValue?.map { ($0["code"]?.int64Value, $0["version"]?.int64Value) }
        #expect(versions?.contains { $0.0 == codes[0] && $0.1 == 1 } == true)
        #expect(versions?.contains { $0.0 == codes[1] && $0.1 == 2 } == true)

        let versionList = try await client.get("\(base)/\(code)/versions", query: ["pageNo": "1", "pageSize": "10"])
        #expect(versionList.data["total"] == .int(2))
        #expect(versionList.data["totalList"]?.arrayValue?.first?["version"] == .int(2))

        let online = try await client.post("\(base)/\(code)/release", form: ["releaseState": "ONLINE"])
        #expect(online.code == 0)
        #expect(try await client.get("\(base)/\(code)").data["processDefinition"]?["releaseState"] == .string("ONLINE"))
        let editOnline = try await client.put("\(base)/\(code)", pairs: try EngineFixtures.workflowForm(name: "pv_daily", tasks: tasks))
        #expect(editOnline.code == 50008)
        let deleteOnline = try await client.delete("\(base)/\(code)")
        #expect(deleteOnline.code == 50021)
        #expect(deleteOnline.msg == "process definition [pv_daily] is already online")

        #expect(try await client.post("\(base)/\(code)/release", form: ["releaseState": "OFFLINE"]).code == 0)
        let switched = try await client.get("\(base)/\(code)/versions/1")
        #expect(switched.code == 0)
        let afterSwitch = try await client.get("\(base)/\(code)")
        #expect(afterSwitch.data["processDefinition"]?["version"] == .int(1))
        #expect(afterSwitch.text.contains("echo hello world"))
        #expect(try await client.delete("\(base)/\(code)/versions/1").code == 50053)
        #expect(try await client.delete("\(base)/\(code)/versions/2").code == 0)

        #expect(try await client.delete("\(base)/\(code)").code == 0)
        #expect(try await client.get("\(base)/\(code)").code == 50003)
        #expect(try await client.delete("/projects/\(project)").code == 0)
    }

    @Test("the DAG checks answer with DolphinScheduler's codes")
    func dagChecks() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("checks")
        let base = "/projects/\(project)/process-definition"
        let codes = try await client.taskCodes(project: project, count: 3)
        let tasks = codes.enumerated().map { EngineFixtures.shellTask(code: $1, name: "t\($0)") }

        let cycle = [ProcessTaskRelation(preTaskCode: 0, postTaskCode: codes[0]),
                     ProcessTaskRelation(preTaskCode: codes[0], postTaskCode: codes[1]),
                     ProcessTaskRelation(preTaskCode: codes[1], postTaskCode: codes[2]),
                     ProcessTaskRelation(preTaskCode: codes[2], postTaskCode: codes[1])]
        let cyclic = try await client.post(base, pairs: try EngineFixtures.workflowForm(name: "cyclic", tasks: tasks, relations: cycle))
        #expect(cyclic.code == 50019)
        #expect(cyclic.msg == "process node has cycle")

        let unknownPost = [ProcessTaskRelation(preTaskCode: 0, postTaskCode: 42)]
        let missing = try await client.post(base, pairs: try EngineFixtures.workflowForm(name: "missing", tasks: tasks, relations: unknownPost))
        #expect(missing.code == 50030)
        #expect(missing.msg == "task definition [42] does not exist")

        var empty = tasks
        empty[0] = EngineFixtures.shellTask(code: codes[0], name: "t0", script: "")
        let invalid = try await client.post(base, pairs: try EngineFixtures.workflowForm(name: "invalid", tasks: empty))
        #expect(invalid.code == 50020)
        #expect(invalid.msg == "process node t0 parameter invalid")

        let malformed = try await client.post(base, pairs: [("name", "bad"), ("taskDefinitionJson", "[{not json"), ("taskRelationJson", "[]")])
        #expect(malformed.status == 200)
        #expect(malformed.code == 50017)
        #expect(malformed.msg == "data [{not json not valid")

        let badEnumOnly = try await client.post(base, pairs: [("name", "e"), ("executionType", "SIDEWAYS"),
                                                              ("taskDefinitionJson", "[]"), ("taskRelationJson", "[]")])
        #expect(badEnumOnly.code == 10105)
        #expect(badEnumOnly.msg == "create process definition error")

        let noProject = try await client.post("/projects/1/process-definition", pairs: try EngineFixtures.workflowForm(name: "x", tasks: tasks))
        #expect(noProject.status == 201)
        #expect(noProject.code == 10018)
        #expect(noProject.msg == "project  not found ")

        let notFound = try await client.get("\(base)/123456789")
        #expect(notFound.code == 50003)
        #expect(notFound.msg == "process definition 123456789 does not exist")
    }

    @Test("lists, name checks and task queries")
    func queries() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("queries")
        let base = "/projects/\(project)/process-definition"
        let first = try await client.createWorkflow(project: project, name: "first", taskCount: 3)
        let second = try await client.createWorkflow(project: project, name: "second")

        let all = try await client.get("\(base)/all")
        #expect(all.data.arrayValue?.map { $0["processDefinition"]?["name"]?.stringValue } == ["second", "first"])
        #expect(try await client.get("\(base)/list").data == all.data)
        let simple = try await client.get("\(base)/simple-list")
        #expect(simple.data.arrayValue?.first?["code"]?.int64Value == second.code)
        let names = try await client.get("\(base)/query-process-definition-list")
        #expect(names.data.arrayValue?.last?["version"] == .int(1))
        let paged = try await client.get(base, query: ["pageNo": "1", "pageSize": "1", "searchVal": "fir"])
        #expect(paged.data["total"] == .int(1))
        #expect(paged.data["totalPage"] == .int(1))
        #expect(paged.data["totalList"]?.arrayValue?.first?["userName"] == .string("admin"))
        let page2 = try await client.get(base, query: ["pageNo": "2", "pageSize": "1"])
        #expect(page2.data["pageNo"] == .int(1))
        #expect(try await client.get(base, query: ["pageNo": "0", "pageSize": "1"]).code == 10001)

        #expect(try await client.get("\(base)/verify-name", query: ["name": "first"]).code == 10168)
        #expect(try await client.get("\(base)/verify-name", query: ["name": "first", "code": String(first.code)]).code == 0)
        #expect(try await client.get("\(base)/verify-name", query: ["name": "third"]).code == 0)

        let tasks = try await client.get("\(base)/\(first.code)/tasks")
        #expect(tasks.data.arrayValue?.count == 3)
        let taskNames = try await client.get("\(base)/query-task-definition-list", query: ["processDefinitionCode": String(first.code)])
        #expect(taskNames.data.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted() == ["task_0", "task_1", "task_2"])
        let batch = try await client.get("\(base)/batch-query-tasks", query: ["codes": "\(first.code),\(second.code)"])
        #expect(batch.data[String(second.code)]?.arrayValue?.count == 2)

        let taskBase = "/projects/\(project)/task-definition"
        let detail = try await client.get("\(taskBase)/\(first.tasks[1].code)")
        #expect(detail.data["name"] == .string("task_1"))
        #expect(detail.data["processTaskRelationList"]?.arrayValue?.first?["preTaskCode"]?.int64Value == first.tasks[0].code)
        let upstream = try await client.get("/projects/\(project)/process-task-relation/\(first.tasks[1].code)/upstream")
        #expect(upstream.data.arrayValue?.map { $0["code"]?.int64Value } == [first.tasks[0].code])
        let downstream = try await client.get("/projects/\(project)/process-task-relation/\(first.tasks[1].code)/downstream")
        #expect(downstream.data.arrayValue?.map { $0["code"]?.int64Value } == [first.tasks[2].code])
        let taskPage = try await client.get(taskBase, query: ["pageNo": "1", "pageSize": "10"])
        #expect(taskPage.data["total"] == .int(5))
        #expect(try await client.get("\(taskBase)/gen-task-codes", query: ["genNum": "101"]).code == 50017)

        #expect(try await client.delete("/projects/\(project)").code == 10137)
        let batchDelete = try await client.post("\(base)/batch-delete", form: ["codes": "\(first.code),\(second.code)"])
        #expect(batchDelete.code == 0)
        #expect(try await client.get("\(base)/all").data == .array([]))
    }

    @Test("batch-export and JSON import with DolphinScheduler's rename rule")
    func exportImport() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("transfer")
        let workflow = try await client.createWorkflow(project: project, name: "test")
        let base = "/projects/\(project)/process-definition"

        let export = try await client.post("\(base)/batch-export", form: ["codes": String(workflow.code)])
        #expect(export.status == 200)
        #expect(export.code == nil, "an export has no envelope")
        #expect(try export.json().arrayValue?.first?["processDefinition"]?["name"] == .string("test"))

        let boundary = "dagforge-test-boundary"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n?&loginUser=x\r\n".utf8)
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"test.json\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(export.body)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let imported = try await client.send("POST", "\(base)/import", body: body,
                                             contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(imported.text.contains("\"success\":true"))
        let name = try #require(imported.data["name"]?.stringValue)
        #expect(name.hasPrefix("test(1)_import_"))
        #expect(imported.data["code"]?.int64Value != workflow.code)

        let list = try await client.get("\(base)/query-process-definition-list")
        #expect(list.text.contains("test_import") || list.text.contains("test(1)_import"))
        let dag = try await client.get("\(base)/query-by-name", query: ["name": name])
        let newTaskCodes = Set(dag.data["taskDefinitionList"]?.arrayValue?.compactMap { $0["code"]?.int64Value } ?? [])
        #expect(newTaskCodes.count == 2)
        #expect(newTaskCodes.isDisjoint(with: workflow.tasks.map(\.code)))

        let garbage = try await client.send("POST", "\(base)/import",
            body: Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.json\"\r\n\r\nnot json\r\n--\(boundary)--\r\n".utf8),
            contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(garbage.code == 50018)
    }
}
