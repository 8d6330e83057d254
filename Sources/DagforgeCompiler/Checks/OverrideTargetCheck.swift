import DagforgeSpec

/// DF202 / DF201: environment overrides of workflows or tasks that do not exist; DF106 for an upstream
/// changed per environment (the graph is the same everywhere).
struct OverrideTargetCheck: EnvironmentCheck {
    func check(_ input: CheckInput, environment: EnvironmentSpec) -> [Diagnostic] {
        let workflowNames = input.repository.workflows.map(\.name)
        var problems: [Diagnostic] = []
        for override in environment.overrides.values.sorted(by: { $0.workflow.value < $1.workflow.value }) {
            guard let workflow = input.repository.workflow(named: override.workflow.value) else {
                problems.append(Diagnostic(.error, "DF202", "override of unknown workflow '\(override.workflow.value)'"
                                           + NameSuggestion.phrase(for: override.workflow.value, in: workflowNames),
                                           hint: "Overrides are keyed by workflow folder name.", at: override.workflow.range))
                continue
            }
            for task in override.tasks.values.sorted(by: { $0.task.value < $1.task.value }) {
                if workflow.task(named: task.task.value) == nil {
                    problems.append(Diagnostic(.error, "DF201", "override of unknown task '\(task.task.value)' in workflow '\(workflow.name)'"
                                               + NameSuggestion.phrase(for: task.task.value, in: workflow.tasks.map(\.name)),
                                               hint: "Overrides are keyed by task name.", at: task.task.range, workflow: workflow.name))
                }
                if let upstream = task.settings.upstream {
                    problems.append(Diagnostic(.error, "DF106", "an environment cannot change upstreams",
                                               hint: "Declare upstreams in the task itself; the DAG is the same in every environment.",
                                               at: upstream.first?.range ?? task.task.range, workflow: workflow.name, task: task.task.value))
                }
            }
        }
        return problems
    }
}
