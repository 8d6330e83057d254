import DagforgeSpec

/// DF303 for SQL tasks without a datasource, DF404 for logical datasources the environment does not map.
struct DatasourceCheck: RenderedWorkflowCheck {
    func check(_ workflow: RenderedWorkflow, environment: EnvironmentSpec) -> [Diagnostic] {
        workflow.tasks.compactMap { task -> Diagnostic? in
            guard case .sql = task.kind else { return nil }
            guard let logical = task.settings.datasource else {
                return Diagnostic(.error, "DF303", "SQL task '\(task.spec.address)' has no datasource",
                                  hint: "Add `-- datasource: NAME` to the header, or `datasource:` to the workflow's defaults.",
                                  at: task.spec.declaration, workflow: workflow.spec.name, task: task.spec.name)
            }
            guard task.datasource == nil else { return nil }
            let known = environment.datasources.keys.sorted()
            return Diagnostic(.error, "DF404", "datasource '\(logical.value)' is not mapped in environment '\(environment.name)'"
                              + NameSuggestion.phrase(for: logical.value, in: known),
                              hint: "Add `\(logical.value): <engine datasource name>` under `datasources:` in \(environment.path).",
                              at: logical.range, workflow: workflow.spec.name, task: task.spec.name)
        }
    }
}
