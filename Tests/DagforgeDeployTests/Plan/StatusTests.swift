@testable import DagforgeDeploy
import DagforgeCompiler
import DagforgeWire
import Testing

@Suite struct StatusTests {
    @Test func reportsCommitMatchAndDrift() throws {
        var snapshot = try Fixtures.deployed([Fixtures.compiled(), Fixtures.compiled(name: "edited"), Fixtures.compiled(name: "gone")],
                                             commit: "deadbeef")
        snapshot.definitions[1].taskDefinitionList[2].taskParams = .object(["rawScript": .string("echo by hand\n")])
        let desired = [Fixtures.compiled(), Fixtures.compiled(name: "edited"), Fixtures.compiled(name: "new_one")]
        let plan = try Planner(environment: "uat", project: "pv", commit: "cafe").plan(desired: desired, snapshot: snapshot)
        let status = DeploymentStatus(plan: plan, snapshot: snapshot)
        let byName = Dictionary(uniqueKeysWithValues: status.entries.map { ($0.name, $0) })
        #expect(byName["pv_daily"]?.deployedCommit == "deadbeef")
        #expect(byName["pv_daily"]?.matchesCheckout == true)
        #expect(byName["edited"]?.drifted == true)
        #expect(byName["edited"]?.matchesCheckout == false)
        #expect(byName["gone"]?.inSpecs == false)
        #expect(byName["new_one"]?.deployed == false)
        #expect(status.deployedCommits == ["deadbeef": 3])
        #expect(status.driftedWorkflows == ["edited"])
    }

    @Test func environmentDiffIgnoresMappingsButNotContent() throws {
        var uat = Fixtures.compiled()
        uat.bindings[0] = Binding(taskCode: 1, pointer: "/datasource", target: .datasourceId(name: "dw_uat"))
        uat.definition.taskDefinitionJson[0].workerGroup = "uat-workers"
        var prod = Fixtures.compiled()
        prod.definition.taskDefinitionJson[2].taskParams = prod.definition.taskDefinitionJson[2].taskParams
            .setting("/rawScript", to: .string("echo prod\n"))!
        let diff = EnvironmentDiff(
            .init(name: "uat", compiled: [uat], snapshot: try Fixtures.deployed([Fixtures.compiled()], commit: "aaa")),
            .init(name: "prod", compiled: [prod], snapshot: Fixtures.emptySnapshot()))
        let entry = try #require(diff.entries.first)
        #expect(entry.commitA == "aaa" && entry.commitB == nil)
        #expect(entry.differences.map(\.field) == ["notify.taskParams.rawScript"])
    }
}
