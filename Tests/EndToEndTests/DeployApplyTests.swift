import DagforgeTestSupport
import DagforgeWire
import Foundation
import Testing

/// `plan` and `apply` of the example repository against the real included engine.
@Suite(.serialized) struct DeployApplyTests {
    @Test func applyCreatesEverythingAndASecondPlanAndApplyChangeNothing() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }

        let first = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(first.status == 2, "\(first.stderr)")
        #expect(first.stdout.contains("+ create project pharmacovigilance_test"))
        #expect(first.stdout.contains("5 to create, 0 to update, 0 to delete"))

        let apply = try await bed.dagforge(["apply", "--env", "test"])
        #expect(apply.status == 0, "\(apply.stdout)\n\(apply.stderr)")
        #expect(apply.stdout.contains("Apply complete: 5 created, 0 updated, 0 deleted"))
        #expect(!apply.stdout.contains(bed.engine.adminPassword) && !apply.stderr.contains(bed.engine.adminPassword))

        let deployed = try await bed.workflows(project: "pharmacovigilance_test")
        #expect(deployed.keys.sorted() == ["pv_clean", "pv_ingest", "pv_maintenance", "pv_report", "pv_signals"])
        let commit = try bed.repository.head()
        for (name, dag) in deployed {
            let description = dag["processDefinition"]?["description"]?.stringValue ?? ""
            #expect(description.contains("managed by dagforge | source: workflows/\(name) | commit: \(commit) | hash: "))
            #expect(dag["processDefinition"]?["releaseState"]?.stringValue == "ONLINE")
        }
        let versions = deployed.mapValues { $0["processDefinition"]?["version"]?.int64Value }

        let second = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(second.stdout.contains("No changes. 0 to create, 0 to update, 0 to delete, 5 unchanged"))

        let again = try await bed.dagforge(["apply", "--env", "test"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stdout.contains("Apply complete"))
        let after = try await bed.workflows(project: "pharmacovigilance_test")
        #expect(after.mapValues { $0["processDefinition"]?["version"]?.int64Value } == versions)
    }

    @Test func editingOneSQLFileShowsExactlyThatDiff() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        let apply = try await bed.dagforge(["apply", "--env", "test"])
        #expect(apply.status == 0, "\(apply.stderr)")

        let path = "workflows/pv_clean/clean_reactions.sql"
        let original = try bed.repository.directory.read(path)
        try bed.repository.write(path, original.replacingOccurrences(of: "coalesce(x.outcome, 'unknown')", with: "coalesce(x.outcome, 'not reported')"))
        let plan = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(plan.status == 2, "\(plan.stderr)")
        #expect(plan.stdout.contains("~ update workflow pv_clean (workflows/pv_clean)"))
        #expect(plan.stdout.contains("~ task clean_reactions (SQL)"))
        #expect(plan.stdout.contains("-       coalesce(x.outcome, 'unknown')"))
        #expect(plan.stdout.contains("+       coalesce(x.outcome, 'not reported')"))
        #expect(plan.stdout.contains("Summary: 0 to create, 1 to update, 0 to delete, 4 unchanged"))
        let changedLines = plan.stdout.split(separator: "\n").filter { $0.hasPrefix("          +") || $0.hasPrefix("          -") }
        #expect(changedLines.count == 2, "\(plan.stdout)")

        let markdown = try await bed.dagforge(["plan", "--env", "test", "--format", "markdown"])
        #expect(markdown.stdout.contains("pv_clean") && markdown.stdout.contains("```diff"))
        let json = try await bed.dagforge(["plan", "--env", "test", "--format", "json"])
        let document = try WireJSON.decoder().decode(JSONValue.self, from: Data(json.stdout.utf8))
        #expect(document["summary"]?["update"] == .array([.string("pv_clean")]))

        let update = try await bed.dagforge(["apply", "--env", "test"])
        #expect(update.stdout.contains("Apply complete: 0 created, 1 updated, 0 deleted"), "\(update.stdout)\n\(update.stderr)")
        let clean = try #require(try await bed.workflows(project: "pharmacovigilance_test")["pv_clean"])
        #expect(clean["processDefinition"]?["releaseState"]?.stringValue == "ONLINE")
        let sql = clean["taskDefinitionList"]?.arrayValue?.first { $0["name"]?.stringValue == "clean_reactions" }?["taskParams"]?["sql"]?.stringValue
        #expect(sql?.contains("'not reported'") == true)
        let empty = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(empty.status == 0, "\(empty.stdout)")
    }

    @Test func applyRefusesWhenTheSpecsHaveErrors() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        try bed.repository.write("workflows/pv_clean/clean_reactions.sql", "-- upstream: no_such_task\nSELECT 1;\n")
        let apply = try await bed.dagforge(["apply", "--env", "test"])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("workflows/pv_clean/clean_reactions.sql:1:"))
        #expect(apply.stderr.contains("nothing was sent to the engine"))
        let projects = try await bed.api("GET", "/projects/list").arrayValue ?? []
        #expect(projects.allSatisfy { $0["name"]?.stringValue != "pharmacovigilance_test" })
    }
}
