import DagforgeSpec

/// DF203: a task listed as its own upstream.
struct SelfDependencyCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        input.dependencies.selfReferences.map { reference in
            Diagnostic(.error, "DF203", "task '\(reference.value)' depends on itself",
                       hint: "Remove '\(reference.value.task)' from its own upstream list.", at: reference.range,
                       workflow: reference.value.workflow, task: reference.value.task)
        }
    }
}
