import DagforgeCompiler
import DagforgeSpec
import Testing

/// Impact over a repository where `orders` changes: `billing` follows it through a declared cross-workflow
/// edge, `finance` follows `billing` transitively, `marts` follows `orders` only through an edge inferred
/// from SQL (it reads `dw.orders`, which `orders/load` writes), and `hr` is unrelated.
struct ChangeImpactTests {
    static let files = [
        "workflows/orders/load.sql": "INSERT INTO dw.orders SELECT 1;",
        "workflows/orders/clean.sql": "-- upstream: load\nDELETE FROM dw.orders WHERE 0;",
        "workflows/billing/invoice.sql": "-- upstream: orders/clean\nSELECT 2;",
        "workflows/billing/archive.sql": "SELECT 3;",
        "workflows/finance/ledger.sql": "-- upstream: billing/invoice\nSELECT 4;",
        "workflows/marts/daily.sql": "SELECT * FROM dw.orders;",
        "workflows/hr/people.sql": "SELECT 5;",
        "environments/test.yaml": "variables: {}\n",
    ]
    static let repository = SpecLoader.load(files)

    @Test func changedWorkflowsAndEverythingDownstreamThroughEveryKindOfEdge() {
        let impact = Compiler(repository: Self.repository).impact(ofChangedFiles: ["workflows/orders/clean.sql"])
        #expect(impact.changedWorkflows == ["orders"])
        #expect(impact.workflows == ["billing", "finance", "marts", "orders"])
        #expect(impact.tasks.map(\.description) == ["billing/invoice", "finance/ledger", "marts/daily", "orders/clean", "orders/load"],
                "billing/archive does not depend on orders")
        #expect(impact.tables == ["dw.orders"])
        #expect(!impact.affectsEverything)
    }

    @Test func withoutTheInferredEdgeTheSQLOnlyDownstreamIsNotReached() {
        let repository = SpecLoader.load(Self.files.merging(["dagforge.yaml": "infer: false\n"]) { _, new in new })
        let impact = Compiler(repository: repository).impact(ofChangedFiles: ["workflows/orders/clean.sql"])
        #expect(impact.workflows == ["billing", "finance", "orders"])
        #expect(impact.tables.isEmpty)
    }

    @Test func aDownstreamChangeDoesNotReachUpstream() {
        let impact = Compiler(repository: Self.repository)
            .impact(ofChangedFiles: ["workflows/finance/ledger.sql", "workflows/hr/people.sql"])
        #expect(impact.workflows == ["finance", "hr"])
    }

    @Test func aProjectOrEnvironmentFileAffectsEveryWorkflow() {
        let impact = Compiler(repository: Self.repository).impact(ofChangedFiles: ["environments/test.yaml"])
        #expect(impact.affectsEverything)
        #expect(impact.workflows == ["billing", "finance", "hr", "marts", "orders"])
        #expect(impact.covers(Diagnostic(.error, "DF201", "x", at: SourceRange(path: "workflows/hr/people.sql", start: .init(line: 1, column: 1)))))
    }

    @Test func aDeletedTaskReachesTheTasksThatStillNameIt() {
        let repository = SpecLoader.load([
            "workflows/orders/load.sql": "SELECT 1;",
            "workflows/billing/invoice.sql": "-- upstream: orders/clean\nSELECT 2;",
            "workflows/hr/people.sql": "SELECT 5;",
        ])
        let impact = Compiler(repository: repository).impact(ofChangedFiles: ["workflows/orders/clean.sql"])
        #expect(impact.workflows == ["billing", "orders"])
    }

    @Test func diagnosticsOutsideTheImpactAreNotCovered() {
        let impact = Compiler(repository: Self.repository).impact(ofChangedFiles: ["workflows/orders/clean.sql"])
        let at = { (path: String) in SourceRange(path: path, start: .init(line: 1, column: 1)) }
        #expect(impact.covers(Diagnostic(.error, "DF201", "x", at: at("workflows/billing/invoice.sql"), workflow: "billing")))
        #expect(!impact.covers(Diagnostic(.error, "DF201", "x", at: at("workflows/hr/people.sql"), workflow: "hr")))
        #expect(!impact.covers(Diagnostic(.error, "DF101", "x", at: at("workflows/hr/workflow.yaml"))))
        #expect(impact.covers(Diagnostic(.error, "DF402", "unknown environment")), "project-wide problems always count")
    }
}

/// Validating only what a change affects reports exactly what a whole-repository validation reports
/// for the affected workflows.
struct ScopedValidationTests {
    static let repository = SpecLoader.load([
        "workflows/orders/load.sh": "# upstream: upstream_wf/source\necho {{ region }}\n",
        "workflows/orders/clean.sh": "# upstream: load, missing_task\necho 2\n",
        "workflows/upstream_wf/source.sh": "echo {{ regoin }}\n",
        "workflows/billing/invoice.sh": "# upstream: orders/clean\necho {{ regoin }}\n",
        "workflows/hr/people.sh": "# upstream: nobody\necho 5\n",
        "environments/test.yaml": "variables: { region: emea }\n",
    ])

    @Test func scopedValidationMatchesTheWholeRepositoryForTheAffectedWorkflows() {
        let compiler = Compiler(repository: Self.repository)
        let impact = compiler.impact(ofChangedFiles: ["workflows/orders/clean.sh"])
        #expect(impact.workflows == ["billing", "orders"])
        let scoped = compiler.validate(impact, processEnvironment: [:])
        let whole = compiler.validate(processEnvironment: [:]).filter(impact.covers)
        #expect(scoped == whole)
        #expect(Set(scoped.map(\.code)) == ["DF201", "DF401"], "\(scoped)")
        #expect(!scoped.contains { $0.range?.path.hasPrefix("workflows/hr/") ?? false || $0.range?.path.hasPrefix("workflows/upstream_wf/") ?? false })
    }
}
