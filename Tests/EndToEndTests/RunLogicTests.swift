import DagforgeWire
import Foundation
import Testing

/// CONDITIONS, SWITCH, SUB_PROCESS and DEPENDENT tasks, retries and failure handling on the real engine.
@Suite("Engine runs: logic tasks and retries")
struct RunLogicTests {
    @Test("conditions, switch, a sub-process and a dependent reach the right final states")
    func logicWorkflow() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("logic")
        let log = testbed.directory.path + "/ran.txt"

        let upstreamCodes = try await client.taskCodes(project: project, count: 1)
        let upstream = try await client.createOnlineWorkflow(
            project: project, name: "upstream", tasks: [EngineFixtures.shell(upstreamCodes[0], "load", "echo load >> \(log)")])
        let upstreamRun = try await client.startRun(project: project, workflow: upstream)
        #expect(try await client.finishedInstances(project: project, trigger: upstreamRun).first?["state"] == .string("SUCCESS"))

        let childCodes = try await client.taskCodes(project: project, count: 1)
        let child = try await client.createOnlineWorkflow(
            project: project, name: "child", tasks: [EngineFixtures.shell(childCodes[0], "child_step", "echo child >> \(log)")])

        let c = try await client.taskCodes(project: project, count: 9)
        let (fail, cond, handled, unhandled, pick, eu, other, sub, dep) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])
        let conditions = ConditionsParameters(
            dependence: .init(dependTaskList: [.init(dependItemList: [.init(depTaskCode: fail, status: .FAILURE)])]),
            conditionResult: .init(successNode: [handled], failedNode: [unhandled]))
        let switchParams = SwitchParameters(switchResult: .init(
            dependTaskList: [.init(condition: "${region} == 'eu'", nextNode: eu)], nextNode: other))
        let dependent = DependentParameters(dependence: .init(checkInterval: 1, dependTaskList: [
            .init(dependItemList: [.init(projectCode: project, definitionCode: upstream, depTaskCode: 0)]),
        ]))
        let tasks = [
            EngineFixtures.shell(fail, "fail", "echo fail >> \(log); exit 3"),
            EngineFixtures.logic(cond, "cond", type: TaskType.conditions, params: try json(conditions)),
            EngineFixtures.shell(handled, "handled", "echo handled >> \(log)"),
            EngineFixtures.shell(unhandled, "unhandled", "echo unhandled >> \(log)"),
            EngineFixtures.logic(pick, "pick", type: TaskType.switch, params: try json(switchParams)),
            EngineFixtures.shell(eu, "eu", "echo eu >> \(log)"),
            EngineFixtures.shell(other, "other", "echo other >> \(log)"),
            EngineFixtures.logic(sub, "sub", type: TaskType.subProcess, params: try json(SubProcessParameters(processDefinitionCode: child))),
            EngineFixtures.logic(dep, "dep", type: TaskType.dependent, params: try json(dependent)),
        ]
        let relations = [
            ProcessTaskRelation(preTaskCode: 0, postTaskCode: fail), ProcessTaskRelation(preTaskCode: fail, postTaskCode: cond),
            ProcessTaskRelation(preTaskCode: cond, postTaskCode: handled), ProcessTaskRelation(preTaskCode: cond, postTaskCode: unhandled),
            ProcessTaskRelation(preTaskCode: 0, postTaskCode: pick), ProcessTaskRelation(preTaskCode: pick, postTaskCode: eu),
            ProcessTaskRelation(preTaskCode: pick, postTaskCode: other), ProcessTaskRelation(preTaskCode: 0, postTaskCode: sub),
            ProcessTaskRelation(preTaskCode: 0, postTaskCode: dep),
        ]
        let workflow = try await client.createOnlineWorkflow(project: project, name: "logic", tasks: tasks, relations: relations)
        let trigger = try await client.startRun(project: project, workflow: workflow, extra: [("startParams", #"{"region":"eu"}"#)])
        let instance = try #require(try await client.finishedInstances(project: project, trigger: trigger).first)
        let id = try #require(instance["id"]?.int64Value)
        #expect(instance["state"] == .string("SUCCESS"))
        #expect(try await client.taskStates(project: project, instance: id) == [
            "fail": "FAILURE", "cond": "SUCCESS", "handled": "SUCCESS", "pick": "SUCCESS", "eu": "SUCCESS",
            "sub": "SUCCESS", "dep": "SUCCESS",
        ])
        let ran = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(Set(ran) == ["load", "child", "fail", "handled", "eu"])
        #expect(ran.filter { $0 == "child" }.count == 1)

        // The child instance ran and is not in the top-level list.
        let list = try await client.get("/projects/\(project)/process-instances", query: ["pageNo": "1", "pageSize": "10"])
        #expect(list.data["total"] == .int(2))
    }

    @Test("retries run a failing task again until it succeeds or runs out of attempts")
    func retries() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        let project = try await client.createProject("retries")
        let counter = testbed.directory.path + "/attempts"
        let codes = try await client.taskCodes(project: project, count: 2)
        let flaky = EngineFixtures.shell(codes[0], "flaky", """
            n=$(cat \(counter) 2>/dev/null || echo 0); n=$((n+1)); echo $n > \(counter); [ $n -ge 3 ]
            """, retries: 2)
        let hopeless = EngineFixtures.shell(codes[1], "hopeless", "exit 1", retries: 1)
        let ok = try await client.createOnlineWorkflow(project: project, name: "flaky", tasks: [flaky])
        let bad = try await client.createOnlineWorkflow(project: project, name: "hopeless", tasks: [hopeless])

        let okInstance = try #require(try await client.finishedInstances(
            project: project, trigger: try await client.startRun(project: project, workflow: ok)).first)
        #expect(okInstance["state"] == .string("SUCCESS"))
        let okTask = try #require(try await client.taskInstance(project: project, instance: okInstance["id"]?.int64Value ?? 0, name: "flaky"))
        #expect(okTask["retryTimes"] == .int(2))
        #expect(okTask["state"] == .string("SUCCESS"))
        #expect(try String(contentsOfFile: counter, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "3")

        let badInstance = try #require(try await client.finishedInstances(
            project: project, trigger: try await client.startRun(project: project, workflow: bad)).first)
        #expect(badInstance["state"] == .string("FAILURE"))
        let badId = try #require(badInstance["id"]?.int64Value)
        let all = try await client.get("/projects/\(project)/task-instances",
                                       query: ["pageNo": "1", "pageSize": "10", "processInstanceId": String(badId)])
        #expect(all.data["total"] == .int(2))
        #expect(try await client.taskStates(project: project, instance: badId) == ["hopeless": "FAILURE"])
    }

    private func json<T: Encodable>(_ value: T) throws -> JSONValue {
        try WireJSON.decode(JSONValue.self, from: try WireJSON.string(value))
    }
}
