import DagforgeSpec

/// DF302 / DF303 / DF304 for schedules an environment overrides (an override may add a schedule, then it needs a cron).
struct OverrideScheduleCheck: EnvironmentCheck {
    func check(_ input: CheckInput, environment: EnvironmentSpec) -> [Diagnostic] {
        environment.overrides.values.sorted { $0.workflow.value < $1.workflow.value }.flatMap { override -> [Diagnostic] in
            guard let schedule = override.schedule else { return [] }
            let base = input.repository.workflow(named: override.workflow.value)?.schedule
            return ScheduleRules.problems(in: schedule, requireCron: base?.cron == nil, workflow: override.workflow.value)
        }
    }
}
