import DagforgeTestSupport
import Foundation
import Testing

/// `validate --changed-since REV` on real git repositories: only the changed workflows and their downstream
/// are checked, the impact is reported, and problems elsewhere do not fail the run.
struct ValidateChangedSinceTests {
    /// orders → billing (cross-workflow upstream) → finance; hr is unrelated and already broken.
    private func repository() throws -> GitRepository {
        let sandbox = try GitRepository()
        try sandbox.write("workflows/orders/load.sh", "echo 1\n")
        try sandbox.write("workflows/orders/clean.sh", "# upstream: load\necho 2\n")
        try sandbox.write("workflows/billing/invoice.sh", "# upstream: orders/clean\necho 3\n")
        try sandbox.write("workflows/finance/ledger.sh", "# upstream: billing/invoice\necho 4\n")
        try sandbox.write("workflows/hr/people.sh", "# upstream: nobody\necho 5\n")
        try sandbox.write("environments/test.yaml", "variables: {}\n")
        try sandbox.commitAll("base")
        try sandbox.tag("base")
        return sandbox
    }

    @Test func reportsTheImpactOfAWorkingTreeChangeAndChecksOnlyThat() throws {
        let sandbox = try repository()
        defer { sandbox.remove() }
        #expect(try DagforgeBinary.run(["validate"], in: sandbox.path).status == 1, "hr is broken")
        try sandbox.write("workflows/orders/clean.sh", "# upstream: load\necho 20\n")

        let json = try DagforgeBinary.run(["validate", "--changed-since", "base", "--format", "json"], in: sandbox.path)
        #expect(json.status == 0, "hr is outside the impact: \(json.stdout)\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let impact = try #require(document["impact"] as? [String: Any])
        #expect(impact["since"] as? String == "base")
        #expect(impact["changedFiles"] as? [String] == ["workflows/orders/clean.sh"])
        #expect(impact["changedWorkflows"] as? [String] == ["orders"])
        #expect(impact["workflows"] as? [String] == ["billing", "finance", "orders"])
        #expect(impact["tasks"] as? [String] == ["billing/invoice", "finance/ledger", "orders/clean", "orders/load"])
        #expect((document["summary"] as? [String: Int])?["workflows"] == 3)

        let text = try DagforgeBinary.run(["validate", "--changed-since", "base"], in: sandbox.path)
        #expect(text.status == 0)
        #expect(text.stdout.contains("impact of changes since base: 1 changed file, 3 workflows (1 changed, 2 downstream), 4 tasks, 0 tables"), "\(text.stdout)")
        #expect(text.stdout.contains("  workflows: billing, finance, orders"))
        #expect(!text.stdout.contains("hr"))
    }

    @Test func aRenameThatBreaksADownstreamWorkflowFailsTheCheck() throws {
        let sandbox = try repository()
        defer { sandbox.remove() }
        try sandbox.git("mv", "workflows/orders/clean.sh", "workflows/orders/tidy.sh")
        try sandbox.commitAll("rename")
        let outcome = try DagforgeBinary.run(["validate", "--changed-since", "base"], in: sandbox.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("workflows/billing/invoice.sh:1:13: error[DF202]"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("workflows/hr/"))
    }

    @Test func aChangedEnvironmentChecksEverything() throws {
        let sandbox = try repository()
        defer { sandbox.remove() }
        try sandbox.write("environments/test.yaml", "variables: { region: emea }\n")
        let outcome = try DagforgeBinary.run(["validate", "--changed-since", "base"], in: sandbox.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("workflows/hr/people.sh:1:13: error[DF201]"))
    }

    @Test func laterRunsReuseTheOutlinesOfUnchangedFoldersAndReportTheSame() throws {
        let sandbox = try repository()
        defer { sandbox.remove() }
        try sandbox.write("workflows/orders/clean.sh", "# upstream: load\necho 20\n")
        let arguments = ["validate", "--changed-since", "base", "--format", "json"]
        let first = try DagforgeBinary.run(arguments, in: sandbox.path)
        let archive = sandbox.path + "/.git/dagforge-cache/workflow-outlines"
        #expect(FileManager.default.fileExists(atPath: archive), "the first run keeps the unchanged folders' outlines")
        let second = try DagforgeBinary.run(arguments, in: sandbox.path)
        #expect(second.status == first.status && second.stdout == first.stdout)

        // A change downstream of the archived folders, then a damaged archive: the same answers as without one.
        try sandbox.write("workflows/billing/invoice.sh", "# upstream: orders/clean, orders/gone\necho 3\n")
        let broken = try DagforgeBinary.run(arguments, in: sandbox.path)
        #expect(broken.status == 1 && broken.stdout.contains("orders/gone"), "\(broken.stdout)")
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: archive))
        let afterDamage = try DagforgeBinary.run(arguments, in: sandbox.path)
        #expect(afterDamage.status == broken.status && afterDamage.stdout == broken.stdout)

        let elsewhere = try TemporaryDirectory(prefix: "dagforge-cache")
        defer { elsewhere.remove() }
        let chosen = try DagforgeBinary.run(arguments, in: sandbox.path, environment: ["DAGFORGE_CACHE_DIR": elsewhere.path])
        #expect(chosen.stdout == broken.stdout)
        #expect(FileManager.default.fileExists(atPath: elsewhere.path + "/workflow-outlines"), "DAGFORGE_CACHE_DIR moves the cache")
    }

    @Test func badRevisionsAndCombinationsAreClearErrors() throws {
        let sandbox = try repository()
        defer { sandbox.remove() }
        let unknown = try DagforgeBinary.run(["validate", "--changed-since", "nope"], in: sandbox.path)
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("error: revision 'nope' not found"), "\(unknown.stderr)")
        let both = try DagforgeBinary.run(["validate", "--changed-since", "base", "--rev", "HEAD"], in: sandbox.path)
        #expect(both.status == 64 && both.stderr.contains("--changed-since"))
    }
}
