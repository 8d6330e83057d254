import Foundation
import DagforgeTestSupport
import Testing

/// Runs the built binary (`swift build` first) against real git repositories.
struct ValidateCommandTests {
    private func dagforge(_ arguments: [String], in directory: String) throws -> ProcessResult {
        try DagforgeBinary.run(arguments, in: directory, environment: ["DAGFORGE_ADMIN_PASSWORD": "", "DS_UAT_TOKEN": "", "DS_PROD_TOKEN": ""])
    }

    @Test func theExampleRepositoryValidates() throws {
        let outcome = try dagforge(["validate"], in: DagforgeBinary.packageRoot.path)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(!outcome.stdout.contains("error["), "\(outcome.stdout)")
        #expect(try dagforge(["validate", "--strict"], in: DagforgeBinary.packageRoot.path).status == 1, "missing secrets are warnings, --strict fails on them")
    }

    @Test func everyKindOfProblemIsReportedInOneRun() throws {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        try sandbox.write("workflows/broken/workflow.yaml", "schedule:\n  cron: [unclosed\n")
        try sandbox.write("workflows/etl/workflow.yaml", "defaults:\n  datasource: dw\n  retrys: 3\n")
        try sandbox.write("workflows/etl/load.sql", "-- upstream: extrct\nSELECT '{{ regoin }}';\n")
        try sandbox.write("workflows/etl/extract.sql", "SELECT 1;\n")
        try sandbox.write("environments/test.yaml", "datasources: { dw: warehouse }\nvariables: { region: emea }\n")
        try sandbox.commitAll("broken")
        let outcome = try dagforge(["validate"], in: sandbox.path)
        #expect(outcome.status == 1)
        let output = outcome.stdout
        #expect(output.contains("workflows/broken/workflow.yaml:2:9: error[DF101]"), "\(output)")
        #expect(output.contains("workflows/etl/workflow.yaml:3:3: error[DF102]: unknown key 'retrys' in defaults; did you mean 'retries'?"))
        #expect(output.contains("workflows/etl/load.sql:1:14: error[DF201]: unknown upstream task 'extrct' in workflow 'etl'; did you mean 'extract'?"))
        #expect(output.contains("workflows/etl/load.sql:2:9: error[DF401]: undefined variable 'regoin' in environment 'test'; did you mean 'region'?"))
        #expect(output.contains("  hint: "))
    }

    @Test func crossWorkflowCycleListsEveryEdge() throws {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        try sandbox.write("workflows/alpha/extract.sql", "-- upstream: beta/publish\nSELECT 1;\n")
        try sandbox.write("workflows/beta/publish.sql", "-- upstream: alpha/extract\nSELECT 2;\n")
        try sandbox.commitAll("cycle")
        let outcome = try dagforge(["validate"], in: sandbox.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("workflows/alpha/extract.sql:1:14: error[DF301]: dependency cycle: alpha/extract → beta/publish → alpha/extract"))
        #expect(outcome.stdout.contains("note: alpha/extract → beta/publish: declared at workflows/beta/publish.sql:1:14"))
        #expect(outcome.stdout.contains("note: beta/publish → alpha/extract: declared at workflows/alpha/extract.sql:1:14"))
    }

    @Test func revisionSeesOlderContentWhileTheWorkingTreeIsNewer() throws {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        try sandbox.write("workflows/w/a.sql", "SELECT 1;\n")
        try sandbox.commitAll("good")
        try sandbox.write("workflows/w/b.sql", "-- upstream: missing\nSELECT 2;\n")
        try sandbox.commitAll("bad")
        try sandbox.write("workflows/w/c.sql", "-- upstream: also_missing\nSELECT 3;\n")
        let head = try dagforge(["validate"], in: sandbox.path)
        #expect(head.status == 1 && head.stdout.contains("also_missing"))
        let previous = try dagforge(["validate", "--rev", "HEAD~1"], in: sandbox.path)
        #expect(previous.status == 0, "\(previous.stdout)")
        #expect(previous.stdout.contains("no problems in 1 workflow (1 task)"))
        let committed = try dagforge(["validate", "--rev", "HEAD", "--repo", sandbox.path], in: "/")
        #expect(committed.status == 1 && !committed.stdout.contains("also_missing"))
    }

    @Test func badInputGivesAMessageNotACrash() throws {
        let outcome = try dagforge(["validate", "--rev", "no-such-rev"], in: DagforgeBinary.packageRoot.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: revision 'no-such-rev' not found"))
        let missing = try dagforge(["validate", "--repo", "/nonexistent/folder"], in: "/")
        #expect(missing.status == 1 && missing.stderr.contains("is not a directory"))
    }
}
