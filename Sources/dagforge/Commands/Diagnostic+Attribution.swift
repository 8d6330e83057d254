import DagforgeSpec

extension Array where Element == Diagnostic {
    /// Fills in the workflow (and the task, for a task file) of diagnostics that point into a workflow
    /// folder but were raised without saying whose they are, so JUnit files them under their workflow
    /// and `--changed-since` keeps them with it.
    func attributed(to repository: LoadedRepository) -> [Diagnostic] {
        guard contains(where: { $0.workflow == nil && $0.range != nil }) else { return self }
        let workflows = Set(repository.workflows.map(\.name))
        let tasksByFile = Dictionary(
            repository.workflows.flatMap { $0.tasks.map { ($0.sourcePath, [$0.address]) } }, uniquingKeysWith: +
        )
        return map { diagnostic in
            guard diagnostic.workflow == nil, let path = diagnostic.range?.path else { return diagnostic }
            let parts = path.split(separator: "/")
            guard parts.count >= 3, parts[0] == "workflows", workflows.contains(String(parts[1])) else { return diagnostic }
            var attributed = diagnostic
            attributed.workflow = String(parts[1])
            // A file holding several tasks (workflow.yaml) names no single task.
            if let tasks = tasksByFile[path], tasks.count == 1 { attributed.task = tasks[0].task }
            return attributed
        }
    }
}
