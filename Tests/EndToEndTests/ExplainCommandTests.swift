import DagforgeTestSupport
import Foundation
import Testing

/// `dagforge explain` through the built binary, on the example repository and a fixture.
struct ExplainCommandTests {
    @Test func explainsEveryNeighbourOfAnExampleTask() throws {
        let outcome = try DagforgeBinary.run(["explain", "pv_clean/clean_drugs"], in: DagforgeBinary.packageRoot.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("pv_clean/clean_drugs\nupstreams:\n"))
        #expect(outcome.stdout.contains("""
              pv_ingest/load_drugs  [cross-workflow: DEPENDENT]
                inferred from raw_report_drugs read at workflows/pv_clean/clean_drugs.sql:
            """), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("  pv_clean/create_stg_drugs\n    declared at workflows/pv_clean/clean_drugs.sql:1:"))
        #expect(outcome.stdout.contains("downstreams:\n  pv_clean/quality_gate\n    declared at workflows/pv_clean/workflow.yaml:"))
        #expect(outcome.stdout.contains("writes:\n  stg_report_drugs  (workflows/pv_clean/clean_drugs.sql:"))
    }

    @Test func jsonAndErrors() throws {
        let json = try DagforgeBinary.run(["explain", "--format", "json", "pv_signals/compute_prr"], in: DagforgeBinary.packageRoot.path)
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let upstreams = try #require(document["upstreams"] as? [[String: Any]])
        let counts = try #require(upstreams.first { ($0["task"] as? [String: String])?["task"] == "count_drug_events" })
        #expect((counts["reasons"] as? [String])?.count == 2, "declared and inferred: \(counts)")
        #expect(counts["crossWorkflow"] as? Bool == false)

        let unknown = try DagforgeBinary.run(["explain", "pv_clean/clean_drug"], in: DagforgeBinary.packageRoot.path)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no task 'pv_clean/clean_drug'; did you mean 'pv_clean/clean_drugs'?"), "\(unknown.stderr)")
        let malformed = try DagforgeBinary.run(["explain", "clean_drugs"], in: DagforgeBinary.packageRoot.path)
        #expect(malformed.status != 0)
        #expect(malformed.stderr.contains("WORKFLOW/TASK"))
    }
}
