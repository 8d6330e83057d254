@testable import DagforgeDeploy
import DagforgeCompiler
import DagforgeWire
import Foundation
import Testing

@Suite struct PlanRenderingTests {
    static func updatePlan() throws -> Plan {
        let deployed = try Fixtures.deployed([Fixtures.compiled(), Fixtures.compiled(name: "legacy")])
        var desired = Fixtures.compiled()
        desired.definition.taskDefinitionJson[0].taskParams = desired.definition.taskDefinitionJson[0].taskParams
            .setting("/sql", to: .string("select 1;\nselect 2;\n"))!
        desired.definition.taskDefinitionJson[2].timeout = 5
        return try Planner(environment: "test", project: "pv", commit: "abc123", prune: true)
            .plan(desired: [desired, Fixtures.compiled(name: "fresh")], snapshot: deployed)
    }

    @Test func textNamesEveryChangeAndEveryDelete() throws {
        let text = PlanTextRenderer().render(try Self.updatePlan())
        #expect(text.contains("+ create workflow fresh (workflows/fresh)"))
        #expect(text.contains("~ update workflow pv_daily (workflows/pv_daily)"))
        #expect(text.contains("    ~ task notify (SHELL)\n        timeout: 0 → 5"))
        #expect(text.contains("          +select 1;"))
        #expect(text.contains("- delete workflow legacy"))
        #expect(text.hasSuffix("Summary: 1 to create, 1 to update, 1 to delete, 0 unchanged (deletes: legacy)\n"))
        #expect(!text.contains("\u{1B}["))
        #expect(PlanTextRenderer(color: true).render(try Self.updatePlan()).contains("\u{1B}[31m- delete workflow legacy"))
    }

    @Test func jsonIsVersionedAndReadsBackAsTheSamePlan() throws {
        let plan = try Self.updatePlan()
        let text = try PlanJSONRenderer.render(plan)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        #expect(object["hasChanges"] as? Bool == true)
        #expect((object["summary"] as? [String: Any])?["delete"] as? [String] == ["legacy"])
        let read = try PlanJSONRenderer.read(text)
        #expect(try PlanJSONRenderer.render(read) == text)
    }

    @Test func markdownFitsOneChangeAndFiveHundred() throws {
        let one = PlanMarkdownRenderer().render(try Self.updatePlan())
        #expect(one.contains("**1 to create, 1 to update, 1 to delete, 0 unchanged (deletes: legacy)**"))
        #expect(one.contains("| ✏️ update | `pv_daily` |"))
        #expect(one.contains("<details><summary><code>pv_daily</code>: update</summary>"))
        #expect(one.contains("```diff\n"))

        let many = (0..<500).map { Fixtures.compiled(name: "wf_\($0)") }
        let big = try Planner(environment: "test", project: "pv", commit: "abc123")
            .plan(desired: many, snapshot: Fixtures.emptySnapshot())
        let markdown = PlanMarkdownRenderer().render(big)
        #expect(markdown.count < 65_536)
        #expect(markdown.contains("| ➕ create | `wf_499` |"))
        #expect(markdown.contains("left out to fit the comment"))
    }
}
