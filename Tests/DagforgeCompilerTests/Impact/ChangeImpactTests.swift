import DagforgeCompiler
import DagforgeSpec
import Testing

/// Impact over a repository where `orders` changes: `billing` follows it through a declared cross-workflow
/// edge, `finance` follows `billing` transitively, `marts` follows `orders` only through an inferred SQL
/// edge, and `hr` is unrelated.
struct ChangeImpactTests {
    static let repository = SpecLoader.load([
        "workflows/orders/load.sql": "INSERT INTO dw.orders SELECT 1;",
        "workflows/orders/clean.sql": "-- upstream: load\nDELETE FROM dw.orders WHERE 0;",
        "workflows/billing/invoice.sql": "-- upstream: orders/clean\nSELECT 2;",
        "workflows/billing/archive.sql": "SELECT 3;",
        "workflows/finance/ledger.sql": "-- upstream: billing/invoice\nSELECT 4;",
        "workflows/marts/daily.sql": "SELECT * FROM dw.orders;",
        "workflows/hr/people.sql": "SELECT 5;",
        "environments/test.yaml": "variables: {}\n",
    ])

    /// What SQL lineage finds: marts/daily reads dw.orders, which orders/load writes.
    static let inferred = InferredEdge(
        upstream: TaskAddress(workflow: "orders", task: "load"), downstream: TaskAddress(workflow: "marts", task: "daily"),
        table: "dw.orders",
        read: SourceRange(path: "workflows/marts/daily.sql", start: .init(line: 1, column: 15)),
        written: SourceRange(path: "workflows/orders/load.sql", start: .init(line: 1, column: 13))
    )

    @Test func changedWorkflowsAndEverythingDownstreamThroughEveryKindOfEdge() {
        let impact = Compiler(repository: Self.repository, inferredEdges: [Self.inferred])
            .impact(ofChangedFiles: ["workflows/orders/clean.sql"])
        #expect(impact.changedWorkflows == ["orders"])
        #expect(impact.workflows == ["billing", "finance", "marts", "orders"])
        #expect(impact.tasks.map(\.description) == ["billing/invoice", "finance/ledger", "marts/daily", "orders/clean", "orders/load"],
                "billing/archive does not depend on orders")
        #expect(impact.tables == ["dw.orders"])
        #expect(!impact.affectsEverything)
    }

    @Test func withoutTheInferredEdgeTheSQLOnlyDownstreamIsNotReached() {
        let impact = Compiler(repository: Self.repository).impact(ofChangedFiles: ["workflows/orders/clean.sql"])
        #expect(impact.workflows == ["billing", "finance", "orders"])
        #expect(impact.tables.isEmpty)
    }

    @Test func aDownstreamChangeDoesNotReachUpstream() {
        let impact = Compiler(repository: Self.repository, inferredEdges: [Self.inferred])
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
