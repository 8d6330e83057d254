import DagforgeTestSupport
import DagforgeWire
import Foundation
import Testing

/// Pruning removed workflows, and an apply killed half-way that converges when run again.
@Suite(.serialized) struct DeployPruneAndKillTests {
    @Test func pruneDeletesOnlyManagedWorkflowsAndAsksFirst() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        #expect(try await bed.dagforge(["apply", "--env", "test"]).status == 0)
        try FileManager.default.removeItem(atPath: bed.repository.path + "/workflows/pv_maintenance")
        try bed.repository.commitAll("retire pv_maintenance")

        let plan = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(plan.status == 0, "without --prune nothing changes: \(plan.stdout)")
        #expect(plan.stdout.contains("no longer in the specs (deleted only with --prune): pv_maintenance"))

        let pruning = try await bed.dagforge(["plan", "--env", "test", "--prune"])
        #expect(pruning.stdout.contains("- delete workflow pv_maintenance"))
        #expect(pruning.stdout.contains("(deletes: pv_maintenance)"))

        let refused = try await bed.dagforge(["apply", "--env", "test", "--prune"], input: "no\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("apply cancelled"))
        #expect(try await bed.workflows(project: "pharmacovigilance_test")["pv_maintenance"] != nil)

        let confirmed = try await bed.dagforge(["apply", "--env", "test", "--prune"], input: "yes\n")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.contains("0 created, 0 updated, 1 deleted"))
        let left = try await bed.workflows(project: "pharmacovigilance_test")
        #expect(left.keys.sorted() == ["pv_clean", "pv_ingest", "pv_report", "pv_signals"])
    }

    @Test func anApplyKilledHalfWayConvergesWhenRunAgain() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        // One workflow at a time; killed as soon as it reports the first workflow written.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DagforgeBinary.path)
        process.arguments = ["apply", "--env", "test", "--parallelism", "1"]
        process.currentDirectoryURL = URL(fileURLWithPath: bed.repository.path)
        process.environment = ProcessInfo.processInfo.environment.merging(["DAGFORGE_ADMIN_PASSWORD": bed.engine.adminPassword]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let sawFirstWorkflow = try await offload { () -> Bool in
            var text = ""
            while !text.contains("created pv_") {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return false }
                text += String(decoding: data, as: UTF8.self)
            }
            kill(process.processIdentifier, SIGKILL)
            return true
        }
        try await offload { process.waitUntilExit() }
        #expect(sawFirstWorkflow)
        #expect(process.terminationReason == .uncaughtSignal)
        let partial = try await bed.workflows(project: "pharmacovigilance_test")
        #expect(partial.count >= 1 && partial.count < 5, "killed too late: \(partial.keys.sorted())")

        let rerun = try await bed.dagforge(["apply", "--env", "test"])
        #expect(rerun.status == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        let plan = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)")
        #expect(try await bed.workflows(project: "pharmacovigilance_test").count == 5)
    }

    @Test func aSavedPlanIsRefusedOnceTheEngineChanged() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        #expect(try await bed.dagforge(["apply", "--env", "test"]).status == 0)
        let path = "workflows/pv_report/build_signal_report.sql"
        try bed.repository.write(path, try bed.repository.directory.read(path) + "\n-- reviewed\n")
        let planFile = bed.repository.path + "/plan.json"
        let plan = try await bed.dagforge(["plan", "--env", "test", "--out", planFile])
        #expect(plan.status == 0)
        #expect(!(try String(contentsOfFile: planFile, encoding: .utf8)).contains(bed.engine.adminPassword))

        try await bed.editTask(project: "pharmacovigilance_test", workflow: "pv_report", task: "build_signal_report") { $0 + " " }
        let stale = try await bed.dagforge(["apply", "--env", "test", planFile])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("the engine changed since the plan was made, for: pv_report"), "\(stale.stderr)")

        let fresh = try await bed.dagforge(["plan", "--env", "test", "--out", planFile])
        #expect(fresh.status == 0)
        let applied = try await bed.dagforge(["apply", "--env", "test", planFile])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("0 created, 1 updated"))
    }
}
