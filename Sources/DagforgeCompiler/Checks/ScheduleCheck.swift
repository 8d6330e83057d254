import DagforgeSpec

/// DF302 / DF303 / DF304 for the schedules written in `workflow.yaml`.
struct ScheduleCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        let zones = KnownTimeZones(asking: input.repository.workflows.compactMap { $0.schedule?.timezone?.value })
        return input.repository.workflows.flatMap { workflow in
            workflow.schedule.map { ScheduleRules.problems(in: $0, requireCron: true, workflow: workflow.name, knownZones: zones) } ?? []
        }
    }
}
