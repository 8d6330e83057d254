import DagforgeTestSupport
import Foundation
import Testing

/// With the summary cache warm (`.dagforge/cache`), plan still sees every change: a hand edit through the
/// engine's API (new bytes in `/all`) and a spec edit (same bytes, different compiled DAG). A corrupt cache
/// file is ignored.
@Suite(.serialized) struct DeployPlanCacheTests {
    static let cacheFile = ".dagforge/cache/engine-test.json"

    @Test func aWarmCacheStillShowsEngineEditsAndSpecEdits() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        let apply = try await bed.dagforge(["apply", "--env", "test"])
        #expect(apply.status == 0, "\(apply.stderr)")
        let cold = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(cold.status == 0, "\(cold.stdout)\(cold.stderr)")
        let cache = bed.repository.directory.url.appendingPathComponent(Self.cacheFile)
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let warm = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(warm.status == 0, "\(warm.stdout)\(warm.stderr)")

        try await bed.editTask(project: "pharmacovigilance_test", workflow: "pv_signals", task: "compute_prr") { sql in
            sql + "\n-- tuned by hand"
        }
        let drift = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(drift.status == 2, "\(drift.stdout)\(drift.stderr)")
        #expect(drift.stdout.contains("~ update workflow pv_signals"), "\(drift.stdout)")
        #expect(drift.stdout.contains("! edited on the engine since dagforge deployed it (drift)"))
        #expect(drift.stdout.contains("-- tuned by hand"))
        #expect(drift.stdout.contains("Summary: 0 to create, 1 to update, 0 to delete"))
        let restore = try await bed.dagforge(["apply", "--env", "test"])
        #expect(restore.stdout.contains("0 created, 1 updated"), "\(restore.stdout)\(restore.stderr)")
        let clean = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(clean.status == 0, "\(clean.stdout)")

        // The engine's bytes are unchanged and cached; the compiled DAG is not.
        let path = "workflows/pv_clean/clean_reactions.sql"
        let original = try bed.repository.directory.read(path)
        try bed.repository.write(path, original.replacingOccurrences(of: "coalesce(x.outcome, 'unknown')", with: "coalesce(x.outcome, 'not reported')"))
        let specEdit = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(specEdit.status == 2, "\(specEdit.stderr)")
        #expect(specEdit.stdout.contains("~ task clean_reactions (SQL)"))
        #expect(specEdit.stdout.contains("-       coalesce(x.outcome, 'unknown')"))
        #expect(specEdit.stdout.contains("+       coalesce(x.outcome, 'not reported')"))
        #expect(specEdit.stdout.contains("Summary: 0 to create, 1 to update, 0 to delete"))
        #expect(!specEdit.stdout.contains("(drift)"))
    }

    @Test func aCorruptCacheIsIgnored() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        let apply = try await bed.dagforge(["apply", "--env", "test"])
        #expect(apply.status == 0, "\(apply.stderr)")
        let warmUp = try await bed.dagforge(["plan", "--env", "test"])
        #expect(warmUp.status == 0, "\(warmUp.stderr)")
        let cache = bed.repository.directory.url.appendingPathComponent(Self.cacheFile)
        try Data("{\"format\":1,\"summaries\":{\"0\":".utf8).write(to: cache)
        try await bed.editTask(project: "pharmacovigilance_test", workflow: "pv_signals", task: "compute_prr") { sql in
            sql + "\n-- tuned by hand"
        }
        let plan = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("! edited on the engine since dagforge deployed it (drift)"))
        let rewritten = try Data(contentsOf: cache)
        #expect((try? JSONSerialization.jsonObject(with: rewritten)) != nil)
    }
}
