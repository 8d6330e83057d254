import DagforgeSpec

extension Array where Element == Diagnostic {
    /// Fills in the workflow (and the task, for a task file) of diagnostics that point into a workflow
    /// folder but were raised without saying whose they are, so JUnit files them under their workflow
    /// and `--changed-since` keeps them with it.
    func attributed(to repository: LoadedRepository) -> [Diagnostic] {
        guard contains(where: { $0.workflow == nil && $0.range != nil }) else { return self }
        // Only the workflows these diagnostics point into are looked at: a repository has 40,000 tasks.
        let named = Set(compactMap { $0.workflow == nil ? $0.range.flatMap { Self.workflowFolder(of: $0.path) } : nil })
        let workflows = repository.workflows.filter { named.contains($0.name) }
        let tasksByFile = Dictionary(workflows.flatMap { $0.tasks.map { ($0.sourcePath, [$0.address]) } }, uniquingKeysWith: +)
        let known = Set(workflows.map(\.name))
        return map { diagnostic in
            guard diagnostic.workflow == nil, let path = diagnostic.range?.path,
                  let workflow = Self.workflowFolder(of: path), known.contains(workflow) else { return diagnostic }
            var attributed = diagnostic
            attributed.workflow = workflow
            // A file holding several tasks (workflow.yaml) names no single task.
            if let tasks = tasksByFile[path], tasks.count == 1 { attributed.task = tasks[0].task }
            return attributed
        }
    }

    /// `pv` for `workflows/pv/load.sql`; nil outside a workflow folder.
    private static func workflowFolder(of path: String) -> String? {
        let parts = path.split(separator: "/")
        return parts.count >= 3 && parts[0] == "workflows" ? String(parts[1]) : nil
    }
}
