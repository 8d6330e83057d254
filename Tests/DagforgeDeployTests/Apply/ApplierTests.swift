@testable import DagforgeDeploy
import DagforgeCompiler
import DagforgeWire
import Synchronization
import Testing

/// The Applier over real HTTP against `RuleKeepingEngine`: order of calls, release and schedule states,
/// idempotence, refusal of stale plans, convergence after a failure.
@Suite struct ApplierTests {
    static let planner = Planner(environment: "test", project: "pv", commit: "c0ffee")

    /// parent has a SUB_PROCESS task pointing at kid, which must exist (and be ONLINE) first.
    static func desired() -> [CompiledWorkflow] {
        var parent = Fixtures.compiled(name: "parent")
        parent.definition.taskDefinitionJson.append(TaskDefinition(
            code: 4, name: "child", taskType: TaskType.subProcess, taskParams: .object(["processDefinitionCode": .int(0)])))
        parent.definition.taskRelationJson.append(ProcessTaskRelation(preTaskCode: 3, postTaskCode: 4))
        parent.bindings.append(Binding(taskCode: 4, pointer: "/processDefinitionCode", target: .workflowCode(workflow: "kid")))
        return [parent, Fixtures.compiled(name: "kid", schedule: false)]
    }

    static func withEngine<T: Sendable>(_ engine: RuleKeepingEngine,
                                        _ body: @Sendable (DolphinClient, RequestLog) async throws -> T) async throws -> T {
        try await RecordingServer.with({ request, _ in await engine.handle(request) }) { baseURL, log in
            try await body(DolphinClient(configuration: .init(baseURL: baseURL, credentials: .token("t"), maxAttempts: 1)), log)
        }
    }

    static func writes(_ log: RequestLog, after start: Int = 0) async -> [String] {
        await log.requests.dropFirst(start).filter { $0.method != "GET" && !$0.path.hasSuffix("/list") }.map {
            $0.method + " " + $0.path.replacingOccurrences(of: "/dolphinscheduler/projects/77/", with: "")
        }
    }

    @Test func firstApplyCreatesInReferenceOrderAndSecondApplyWritesNothing() async throws {
        let engine = RuleKeepingEngine()
        try await Self.withEngine(engine) { client, _ in
            let snapshot = try await client.snapshot(projectName: "pv")
            let plan = try Self.planner.plan(desired: Self.desired(), snapshot: snapshot)
            let recorder = EventRecorder()
            let report = try await Applier(client: client).apply(plan, snapshot: snapshot) { recorder.record($0) }
            let events = recorder.events
            #expect(report.created == ["kid", "parent"])
            #expect(events.first == .projectCreated(name: "pv", code: 77))
            let kidDone = try #require(events.firstIndex(of: .workflowFinished(name: "kid", action: .create)))
            let parentStart = try #require(events.firstIndex(of: .workflowStarted(name: "parent", action: .create)))
            #expect(kidDone < parentStart)

            let definitions = await engine.definitions
            let kid = try #require(definitions.first { $0.processDefinition.name == "kid" })
            let parent = try #require(definitions.first { $0.processDefinition.name == "parent" })
            #expect(definitions.allSatisfy { $0.processDefinition.releaseState == .ONLINE })
            let child = try #require(parent.taskDefinitionList.first { $0.name == "child" })
            #expect(child.taskParams["processDefinitionCode"] == .int(kid.processDefinition.code))
            let extract = try #require(parent.taskDefinitionList.first { $0.name == "extract" })
            #expect(extract.taskParams["datasource"] == .int(7))
            #expect(extract.taskParams["type"] == .string("POSTGRESQL"))
            #expect(Marker.parse(description: parent.processDefinition.description)?.commit == "c0ffee")
            let schedules = await engine.schedules
            #expect(schedules.map(\.releaseState) == [.OFFLINE, .ONLINE])  // kid: schedules disabled; parent: enabled

            let again = try await client.snapshot(projectName: "pv")
            let second = try Self.planner.plan(desired: Self.desired(), snapshot: again)
            #expect(!second.hasChanges)
            #expect(try await Applier(client: client).apply(second, snapshot: again).writeCalls == 0)
        }
    }

    @Test func anOnlineWorkflowIsTakenOfflineUpdatedAndRestored() async throws {
        let engine = RuleKeepingEngine(snapshot: try Fixtures.deployed([Fixtures.compiled()]))
        try await Self.withEngine(engine) { client, log in
            let before = await engine.definitions[0]
            var desired = Fixtures.compiled()
            desired.definition.taskDefinitionJson[2].taskParams = .object(["rawScript": .string("echo changed\n")])
            let snapshot = try await client.snapshot(projectName: "pv")
            let plan = try Self.planner.plan(desired: [desired], snapshot: snapshot)
            let start = await log.requests.count
            _ = try await Applier(client: client).apply(plan, snapshot: snapshot)
            #expect(await Self.writes(log, after: start) == [
                "POST process-definition/5000/release", "PUT process-definition/5000",
                "POST process-definition/5000/release", "POST schedules/5000/online",
            ])
            let after = await engine.definitions[0]
            #expect(after.processDefinition.releaseState == .ONLINE)
            #expect(after.taskDefinitionList.map(\.code) == before.taskDefinitionList.map(\.code))
            #expect(await engine.schedules[0].releaseState == .ONLINE)
        }
    }

    @Test func aSavedPlanIsRefusedWhenTheEngineChangedSince() async throws {
        let engine = RuleKeepingEngine(snapshot: try Fixtures.deployed([Fixtures.compiled()]))
        try await Self.withEngine(engine) { client, _ in
            var desired = Fixtures.compiled()
            desired.definition.timeout = 30
            let plan = try PlanJSONRenderer.read(
                PlanJSONRenderer.render(try Self.planner.plan(desired: [desired], snapshot: try await client.snapshot(projectName: "pv"))))
            // Someone edits the workflow on the engine after the plan was saved.
            _ = await engine.handle(RecordedRequest(method: "POST", path: "/projects/77/process-definition/5000/release", headers: [:],
                                                    parameters: ["releaseState": "OFFLINE"], parameterNames: [], rawBody: ""))
            let fresh = try await client.snapshot(projectName: "pv")
            let error = await #expect(throws: ApplyError.self) { try await Applier(client: client).apply(plan, snapshot: fresh) }
            #expect(error?.description.contains("pv_daily") == true)
        }
    }

    @Test func aFailureMidApplyLeavesOldOrNewAndRerunningConverges() async throws {
        let engine = RuleKeepingEngine(snapshot: try Fixtures.deployed([Fixtures.compiled(), Fixtures.compiled(name: "other")]))
        let desired = [Fixtures.compiled(), Fixtures.compiled(name: "other")].map { workflow -> CompiledWorkflow in
            var workflow = workflow
            workflow.definition.timeout = 45
            return workflow
        }
        await engine.setFailure("process-definition/5001")
        try await Self.withEngine(engine) { client, _ in
            let snapshot = try await client.snapshot(projectName: "pv")
            let plan = try Self.planner.plan(desired: desired, snapshot: snapshot)
            await #expect(throws: ApplyError.self) { try await Applier(client: client, parallelism: 1).apply(plan, snapshot: snapshot) }
            let retry = try await client.snapshot(projectName: "pv")
            let replan = try Self.planner.plan(desired: desired, snapshot: retry)
            _ = try await Applier(client: client).apply(replan, snapshot: retry)
            let final = try await client.snapshot(projectName: "pv")
            #expect(!(try Self.planner.plan(desired: desired, snapshot: final)).hasChanges)
            #expect(final.definitions.allSatisfy { $0.processDefinition.timeout == 45 && $0.processDefinition.releaseState == .ONLINE })
        }
    }

    @Test func pruneTakesOfflineThenDeletes() async throws {
        let engine = RuleKeepingEngine(snapshot: try Fixtures.deployed([Fixtures.compiled(), Fixtures.compiled(name: "legacy")]))
        try await Self.withEngine(engine) { client, log in
            var planner = Self.planner
            planner.prune = true
            let snapshot = try await client.snapshot(projectName: "pv")
            let plan = try planner.plan(desired: [Fixtures.compiled()], snapshot: snapshot)
            let start = await log.requests.count
            let report = try await Applier(client: client).apply(plan, snapshot: snapshot)
            #expect(report.deleted == ["legacy"])
            #expect(await Self.writes(log, after: start) == [
                "POST schedules/5001/offline", "POST process-definition/5001/release", "DELETE process-definition/5001",
            ])
            #expect(await engine.definitions.map(\.processDefinition.name) == ["pv_daily"])
        }
    }
}

/// Collects apply events from the progress callback.
final class EventRecorder: Sendable {
    private let stored = Mutex<[ApplyEvent]>([])

    func record(_ event: ApplyEvent) { stored.withLock { $0.append(event) } }
    var events: [ApplyEvent] { stored.withLock { $0 } }
}
