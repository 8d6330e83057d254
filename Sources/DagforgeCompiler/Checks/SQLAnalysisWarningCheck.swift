import DagforgeSpec

/// DF504: part of a SQL task could not be analyzed, so lineage may miss tables there.
struct SQLAnalysisWarningCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        input.inference.warnings.map { warning in
            Diagnostic(.warning, "DF504", "SQL lineage: \(warning.message.value)",
                       hint: "Declare the task's upstreams explicitly if lineage misses them, or set `infer: false`.",
                       at: warning.message.range, workflow: warning.task.workflow, task: warning.task.task)
        }
    }
}
