import DagforgeSpec

/// DF201 / DF202: upstreams, dependent targets, sub-process workflows and branches that name nothing.
struct UnknownReferenceCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        input.dependencies.unresolved.map { reference in
            let suggestion = reference.suggestion.map { "; did you mean '\($0)'?" } ?? ""
            let written = reference.reference.value
            switch reference.kind {
            case .task:
                return Diagnostic(.error, "DF201", "unknown upstream task '\(written)' in workflow '\(reference.referrer.workflow)'\(suggestion)",
                                  hint: "Correct the name or add the task; upstreams in other workflows are written `workflow/task`.",
                                  at: reference.reference.range, workflow: reference.referrer.workflow, task: reference.referrer.task)
            case .workflow:
                return Diagnostic(.error, "DF202", "'\(written)' names no existing workflow task\(suggestion)",
                                  hint: "Cross-workflow references are written `workflow/task` (or `workflow` for a dependent task).",
                                  at: reference.reference.range, workflow: reference.referrer.workflow, task: reference.referrer.task)
            case .malformed:
                return Diagnostic(.error, "DF202", "'\(written)' is not a task reference here",
                                  hint: "Write `task` for this workflow or `workflow/task`; branches must be tasks of the same workflow.",
                                  at: reference.reference.range, workflow: reference.referrer.workflow, task: reference.referrer.task)
            }
        }
    }
}
