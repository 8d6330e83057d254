import DagforgeTestSupport
import DagforgeWire
import Foundation
import Testing

/// Promoting what one environment runs to another, comparing them, and importing an engine's project.
@Suite(.serialized) struct PromoteAndImportTests {
    @Test func promoteDeploysTheCommitTheSourceRunsNotTheCheckout() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        let deployedToTest = try bed.repository.head()
        #expect(try await bed.dagforge(["apply", "--env", "test"]).status == 0)

        // HEAD moves on; test still runs the first commit.
        let path = "workflows/pv_signals/compute_prr.sql"
        try bed.repository.write(path, try bed.repository.directory.read(path) + "\n-- a later change\n")
        let later = try bed.repository.commitAll("later change")
        #expect(later != deployedToTest)

        let promote = try await bed.dagforge(["promote", "--from", "test", "--to", "uat", "--yes"])
        #expect(promote.status == 0, "\(promote.stdout)\n\(promote.stderr)")
        #expect(promote.stdout.contains("test runs commit \(deployedToTest)"))
        #expect(promote.stdout.contains("Apply complete: 5 created"))
        let uat = try await bed.workflows(project: "pharmacovigilance_uat")
        #expect(uat.count == 5)
        for dag in uat.values {
            let description = dag["processDefinition"]?["description"]?.stringValue ?? ""
            #expect(description.contains("commit: \(deployedToTest)"), "\(description)")
        }
        let prr = uat["pv_signals"]?["taskDefinitionList"]?.arrayValue?.first { $0["name"]?.stringValue == "compute_prr" }
        #expect(prr?["taskParams"]?["sql"]?.stringValue?.contains("a later change") == false)
        #expect(uat["pv_ingest"]?["taskDefinitionList"]?.arrayValue?.first?["workerGroup"]?.stringValue == "pv-uat")

        // Promoting again changes nothing; diff shows where each commit runs.
        let again = try await bed.dagforge(["promote", "--from", "test", "--to", "uat", "--yes"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("No changes."))
        let diff = try await bed.dagforge(["diff", "test", "uat"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("pv_signals: test \(deployedToTest.prefix(12)), uat \(deployedToTest.prefix(12))"))
    }

    @Test func promoteRefusesASourceWithDriftUnlessForced() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        #expect(try await bed.dagforge(["apply", "--env", "test"]).status == 0)
        try await bed.editTask(project: "pharmacovigilance_test", workflow: "pv_report", task: "build_signal_report") { $0 + "\n-- hotfix" }
        let refused = try await bed.dagforge(["promote", "--from", "test", "--to", "uat", "--yes"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("test has workflows edited on the engine since they were deployed: pv_report"))
        #expect((try? await bed.projectCode("pharmacovigilance_uat")) == nil)
        let forced = try await bed.dagforge(["promote", "--from", "test", "--to", "uat", "--yes", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test func importingTheEngineProjectIntoAFreshFolderPlansEmpty() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        #expect(try await bed.dagforge(["apply", "--env", "test"]).status == 0)

        let fresh = try GitRepository()
        defer { fresh.remove() }
        try fresh.write("dagforge.yaml", try bed.repository.directory.read("dagforge.yaml"))
        try fresh.write("environments/test.yaml", try bed.repository.directory.read("environments/test.yaml"))
        let imported = try await bed.dagforge(["import", "--env", "test", "--repo", fresh.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 5 workflows"))
        #expect(FileManager.default.fileExists(atPath: fresh.path + "/workflows/pv_clean/clean_reactions.sql"))
        try fresh.commitAll("imported")

        let plan = try await bed.dagforge(["plan", "--env", "test", "--repo", fresh.path, "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)\n\(plan.stderr)")

        let again = try await bed.dagforge(["import", "--env", "test", "--repo", fresh.path, "--workflow", "pv_clean"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }
}
