@testable import DagforgeDeploy
import DagforgeCompiler
import DagforgeWire
import Testing

@Suite struct PlannerTests {
    let planner = Planner(environment: "test", project: "pv", commit: "c0ffee")

    @Test func newWorkflowIsCreatedWithTasksEdgesScheduleAndRelease() throws {
        let plan = try planner.plan(desired: [Fixtures.compiled()], snapshot: Fixtures.emptySnapshot(project: nil))
        #expect(!plan.projectExists)
        let change = try #require(plan.workflows.first)
        #expect(change.action == .create)
        #expect(change.engineFingerprint == EngineFingerprint.absent)
        #expect(change.tasks.map(\.name) == ["extract", "load", "notify"])
        #expect(change.tasks.allSatisfy { $0.action == .create })
        #expect(change.relations.added == [Edge(from: "extract", to: "load"), Edge(from: "load", to: "notify")])
        #expect(change.schedule?.action == .create)
        #expect(change.schedule?.release == ReleaseChange(from: nil, to: "ONLINE"))
        #expect(change.release == ReleaseChange(from: nil, to: "ONLINE"))
        // The datasource binding is resolved for display: id and type.
        let extract = try #require(change.tasks.first)
        #expect(extract.fields.contains(FieldDiff(field: "taskParams.datasource", old: nil, new: "7")))
        #expect(extract.fields.contains(FieldDiff(field: "taskParams.type", old: nil, new: "POSTGRESQL")))
        #expect(plan.summary.line == "1 to create, 0 to update, 0 to delete, 0 unchanged")
    }

    @Test func deployedWorkflowIsNoOpWhateverItsCodesVersionsAndTimestamps() throws {
        let desired = [Fixtures.compiled(), Fixtures.compiled(name: "ods_ingest", schedule: false)]
        var snapshot = try Fixtures.deployed(desired, commit: "older-commit", definitionCodeBase: 81_000)
        snapshot.definitions[0].processDefinition.version = 19
        snapshot.definitions[0].processDefinition.updateTime = "2030-01-01 00:00:00"
        snapshot.definitions[0].taskDefinitionList[1].version = 7
        let plan = try planner.plan(desired: desired, snapshot: snapshot)
        #expect(plan.workflows.map(\.action) == [.noOp, .noOp])
        #expect(!plan.hasChanges)
        #expect(plan.workflows.allSatisfy { !$0.drifted })
    }

    @Test func changedTaskFieldsAreListedOneByOne() throws {
        let deployed = try Fixtures.deployed([Fixtures.compiled()])
        var desired = Fixtures.compiled()
        desired.definition.taskDefinitionJson[2].failRetryTimes = 3
        desired.definition.taskDefinitionJson[2].timeout = 60
        desired.definition.timeout = 120
        let change = try #require(try planner.plan(desired: [desired], snapshot: deployed).workflows.first)
        #expect(change.action == .update)
        #expect(change.fields == [FieldDiff(field: "timeout", old: "0", new: "120")])
        #expect(change.tasks.map(\.name) == ["notify"])
        #expect(change.tasks.first?.fields == [
            FieldDiff(field: "failRetryTimes", old: "0", new: "3"),
            FieldDiff(field: "timeout", old: "0", new: "60"),
        ])
        #expect(change.relations.isEmpty)
        #expect(change.schedule == nil && change.release == nil)
    }

    @Test func sqlChangesComeWithAUnifiedDiff() throws {
        let deployed = try Fixtures.deployed([Fixtures.compiled()])
        var desired = Fixtures.compiled()
        desired.definition.taskDefinitionJson[0].taskParams = desired.definition.taskDefinitionJson[0].taskParams
            .setting("/sql", to: .string(Fixtures.extractSQL.replacingOccurrences(of: "event\n", with: "event, seriousness\n")))!
        let change = try #require(try planner.plan(desired: [desired], snapshot: deployed).workflows.first)
        let sql = try #require(change.tasks.first?.fields.first)
        #expect(sql.field == "taskParams.sql")
        #expect(sql.unifiedDiff == """
            @@ -1,4 +1,4 @@
             insert into dw.cases
            -select id, drug, event
            +select id, drug, event, seriousness
             from ods.reports
             where dt = '${bizdate}';

            """)
    }

    @Test func addedAndRemovedTasksChangeTheEdges() throws {
        let deployed = try Fixtures.deployed([Fixtures.compiled()])
        var desired = Fixtures.compiled()
        desired.definition.taskDefinitionJson.removeLast()
        desired.definition.taskDefinitionJson.append(Fixtures.shellTask(4, "alert", "echo alert\n"))
        desired.definition.taskRelationJson[2] = ProcessTaskRelation(preTaskCode: 1, postTaskCode: 4)
        let change = try #require(try planner.plan(desired: [desired], snapshot: deployed).workflows.first)
        #expect(change.tasks.map { "\($0.action) \($0.name)" } == ["create alert", "delete notify"])
        #expect(change.relations == RelationChanges(added: [Edge(from: "extract", to: "alert")],
                                                    removed: [Edge(from: "load", to: "notify")]))
    }

    @Test func scheduleAndReleaseChanges() throws {
        var deployed = try Fixtures.deployed([Fixtures.compiled()])
        deployed.definitions[0].processDefinition.releaseState = .OFFLINE
        deployed.schedules[0].releaseState = .OFFLINE
        deployed.schedules[0].crontab = "0 30 1 * * ? *"
        let change = try #require(try planner.plan(desired: [Fixtures.compiled()], snapshot: deployed).workflows.first)
        #expect(change.action == .update)
        #expect(!change.definitionChanges)
        #expect(change.release == ReleaseChange(from: "OFFLINE", to: "ONLINE"))
        #expect(change.schedule == ScheduleChange(
            action: .update, fields: [FieldDiff(field: "schedule.crontab", old: "0 30 1 * * ? *", new: "0 0 2 * * ? *")],
            release: ReleaseChange(from: "OFFLINE", to: "ONLINE")))
    }

    @Test func disabledSchedulesStayOffline() throws {
        let deployed = try Fixtures.deployed([Fixtures.compiled()])
        let change = try #require(try planner.plan(desired: [Fixtures.compiled(schedule: false)], snapshot: deployed).workflows.first)
        #expect(change.schedule == ScheduleChange(action: .noOp, fields: [], release: ReleaseChange(from: "ONLINE", to: "OFFLINE")))
    }

    @Test func pruneDeletesOnlyWorkflowsCarryingTheMarker() throws {
        var snapshot = try Fixtures.deployed([Fixtures.compiled(), Fixtures.compiled(name: "legacy")])
        var manual = snapshot.definitions[1]
        manual.processDefinition.name = "hand_made"
        manual.processDefinition.code = 9
        manual.processDefinition.description = "made in the UI"
        snapshot.definitions.append(manual)
        let kept = try planner.plan(desired: [Fixtures.compiled()], snapshot: snapshot)
        #expect(kept.workflows.map(\.name) == ["pv_daily"])
        #expect(kept.pruneCandidates == ["legacy"])
        var pruning = planner
        pruning.prune = true
        let pruned = try pruning.plan(desired: [Fixtures.compiled()], snapshot: snapshot)
        #expect(pruned.workflows.map { "\($0.action) \($0.name)" } == ["delete legacy", "noOp pv_daily"])
        #expect(pruned.summary.line == "0 to create, 0 to update, 1 to delete, 1 unchanged (deletes: legacy)")
    }

    @Test func anUnmarkedWorkflowOfTheSameNameIsAdopted() throws {
        var snapshot = try Fixtures.deployed([Fixtures.compiled()])
        snapshot.definitions[0].processDefinition.description = "Daily signal detection"
        let change = try #require(try planner.plan(desired: [Fixtures.compiled()], snapshot: snapshot).workflows.first)
        #expect(change.action == .update)
        #expect(change.fields.map(\.field) == ["marker"])
    }

    @Test func handEditsShowAsDrift() throws {
        var snapshot = try Fixtures.deployed([Fixtures.compiled()])
        snapshot.definitions[0].taskDefinitionList[2].taskParams = .object(["rawScript": .string("echo edited\n")])
        let change = try #require(try planner.plan(desired: [Fixtures.compiled()], snapshot: snapshot).workflows.first)
        #expect(change.drifted)
        #expect(change.action == .update)
    }

    @Test func referencesToWorkflowsCreatedInTheSameApplyArePending() throws {
        var parent = Fixtures.compiled(name: "parent")
        parent.definition.taskDefinitionJson.append(TaskDefinition(
            code: 4, name: "child", taskType: TaskType.subProcess, taskParams: .object(["processDefinitionCode": .int(0)])))
        parent.definition.taskRelationJson.append(ProcessTaskRelation(preTaskCode: 3, postTaskCode: 4))
        parent.bindings.append(Binding(taskCode: 4, pointer: "/processDefinitionCode", target: .workflowCode(workflow: "kid")))
        let plan = try planner.plan(desired: [parent, Fixtures.compiled(name: "kid")], snapshot: Fixtures.emptySnapshot())
        let parentChange = try #require(plan.workflows.first { $0.name == "parent" })
        let child = try #require(parentChange.tasks.first { $0.name == "child" })
        #expect(child.fields.contains(FieldDiff(field: "taskParams.processDefinitionCode", old: nil, new: "(code of new workflow kid)")))
    }

    @Test func unresolvableNamesAreAllReportedAtOnce() throws {
        var broken = Fixtures.compiled()
        broken.bindings = [
            Binding(taskCode: 1, pointer: "/datasource", target: .datasourceId(name: "nope")),
            Binding(taskCode: 2, pointer: "/datasource", target: .workflowCode(workflow: "ghost")),
        ]
        let error = #expect(throws: PlanningError.self) {
            try planner.plan(desired: [broken], snapshot: Fixtures.emptySnapshot())
        }
        #expect(error?.problems.map(\.task) == ["extract", "load"])
        #expect(error?.description.contains("datasource nope does not exist on the engine") == true)
        #expect(error?.description.contains("workflow ghost") == true)
    }

    @Test func problemsWithOneCauseAreListedOnceWithTheirTasks() throws {
        var broken = Fixtures.compiled()
        broken.bindings = [
            Binding(taskCode: 1, pointer: "/datasource", target: .datasourceId(name: "nope")),
            Binding(taskCode: 2, pointer: "/datasource", target: .datasourceId(name: "nope")),
        ]
        let error = #expect(throws: PlanningError.self) {
            try planner.plan(desired: [broken], snapshot: Fixtures.emptySnapshot())
        }
        let description = try #require(error?.description)
        #expect(description.components(separatedBy: "datasource nope does not exist").count == 2, "\(description)")
        #expect(description.contains("(\(broken.name)/extract, \(broken.name)/load)"))
    }
}
