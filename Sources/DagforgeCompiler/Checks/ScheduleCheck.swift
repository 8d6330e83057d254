import DagforgeSpec

/// DF302 / DF303 / DF304 for the schedules written in `workflow.yaml`.
struct ScheduleCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        let answers = ScheduleAnswers(schedules: input.repository.workflows.compactMap(\.schedule))
        return input.repository.workflows.flatMap { workflow in
            workflow.schedule.map { ScheduleRules.problems(in: $0, requireCron: true, workflow: workflow.name, answers: answers) } ?? []
        }
    }
}
