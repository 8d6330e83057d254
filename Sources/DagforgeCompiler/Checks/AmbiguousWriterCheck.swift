import DagforgeSpec

/// DF501: a task reads a table that several tasks write in no declared order, so its upstream is ambiguous.
struct AmbiguousWriterCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        input.inference.ambiguities.map { ambiguity in
            let read = ambiguity.read
            let writers = ambiguity.writers.map { "\($0.task) (\($0.range.description))" }
            return Diagnostic(
                .error, "DF501",
                "table '\(read.table)' read by \(read.task) is written by \(ambiguity.writers.count) tasks: "
                    + writers.joined(separator: ", "),
                hint: "Let one task own '\(read.table)', order the writers with `upstream:`, or declare "
                    + "\(read.task.task)'s upstream and set `infer: false` on it.",
                at: read.range,
                notes: ambiguity.writers.map { .init("written by \($0.task)", at: $0.range) },
                workflow: read.task.workflow, task: read.task.task)
        }
    }
}
