import DagforgeCompiler
import DagforgeSpec

extension DiagnosticReport {
    /// Keeps only what `impact` covers (diagnostics and checked workflows) and records the impact.
    mutating func restrict(to impact: ChangeImpact, since revision: String) {
        let affected = Set(impact.workflows)
        diagnostics = diagnostics.filter(impact.covers)
        checkedWorkflows = checkedWorkflows.filter { affected.contains($0.key) }
        self.impact = ReportImpact(
            since: revision, changedFiles: impact.changedFiles, changedWorkflows: impact.changedWorkflows,
            workflows: impact.workflows, tasks: impact.tasks.map(\.description), tables: impact.tables
        )
    }
}
