import DagforgeSpec

/// DF503: a task reads a table that no other task writes but it does itself (before writing it).
struct ReadsOwnOutputCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        input.inference.ownOutputReads.map { read in
            Diagnostic(.warning, "DF503", "task \(read.task) reads '\(read.table)', which only it writes",
                       hint: "Check the SQL: the read comes before the task's own write, so it sees the previous run's data.",
                       at: read.range, workflow: read.task.workflow, task: read.task.task)
        }
    }
}
