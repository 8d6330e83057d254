import DagforgeSpec

/// What a set of changed spec files touches: the workflows whose files changed, plus every task downstream
/// of them through any edge of the dependency graph (declared, cross-workflow or inferred from SQL).
public struct ChangeImpact: Hashable, Sendable {
    /// Spec-root-relative paths, sorted.
    public var changedFiles: [String]
    /// Workflows with a changed file (deleted ones included), sorted.
    public var changedWorkflows: [String]
    /// Changed workflows and every workflow downstream of them, sorted.
    public var workflows: [String]
    /// Every task of the changed workflows and every task downstream of them, sorted.
    public var tasks: [TaskAddress]
    /// Tables that carry the change onwards: those of inferred edges leaving an affected task, sorted.
    public var tables: [String]
    /// A project or environment file changed, so every workflow renders differently and all are affected.
    public var affectsEverything: Bool

    /// Whether `diagnostic` is about something this change affects. Problems of the project or of an
    /// environment (no workflow) always are.
    public func covers(_ diagnostic: Diagnostic) -> Bool {
        if affectsEverything { return true }
        if let workflow = diagnostic.workflow { return affectedWorkflows.contains(workflow) }
        guard let path = diagnostic.range?.path, let workflow = ChangeImpact.workflowName(ofPath: path) else { return true }
        return affectedWorkflows.contains(workflow)
    }

    private var affectedWorkflows: Set<String> { Set(workflows) }

    /// `pv` for `workflows/pv/load.sql`; nil for files outside a workflow folder.
    public static func workflowName(ofPath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "workflows", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }
}

extension Compiler {
    /// The impact of changing `files` (spec-root-relative paths, e.g. from `ChangedFiles.since`), traced
    /// through whatever edges `dependencies` holds.
    public func impact(ofChangedFiles files: Set<String>) -> ChangeImpact {
        ChangeImpact(changedFiles: files, workflows: repository.workflows, dependencies: dependencies)
    }
}

extension ChangeImpact {
    /// Tasks that named a task of a changed workflow which no longer resolves (a deleted or renamed task)
    /// count as downstream too: the change broke them.
    init(changedFiles files: Set<String>, workflows: [WorkflowSpec], dependencies: DependencyGraph) {
        let changedWorkflows = Set(files.compactMap(ChangeImpact.workflowName(ofPath:)))
        let affectsEverything = files.contains { ChangeImpact.workflowName(ofPath: $0) == nil }
        let seeds = affectsEverything
            ? Set(workflows.flatMap { $0.tasks.map(\.address) })
            : Self.seedTasks(of: changedWorkflows, workflows: workflows, dependencies: dependencies)
        let tasks = seeds.union(dependencies.graph.descendants(ofAny: seeds))
        let tables = dependencies.outgoingOrigins(ofIDs: tasks.compactMap { dependencies.graph.id(of: $0) })
            .flatMap { $0.origins.compactMap(\.inferredTable) }
        self.init(
            changedFiles: files.sorted(),
            changedWorkflows: changedWorkflows.sorted(),
            workflows: changedWorkflows.union(tasks.map(\.workflow)).sorted(),
            tasks: tasks.sorted(),
            tables: Set(tables).sorted(),
            affectsEverything: affectsEverything
        )
    }

    /// Every task of the changed workflows, plus the referrers of unresolved references into them.
    private static func seedTasks(of changedWorkflows: Set<String>, workflows: [WorkflowSpec],
                                  dependencies: DependencyGraph) -> Set<TaskAddress> {
        var seeds = Set(workflows.filter { changedWorkflows.contains($0.name) }.flatMap { $0.tasks.map(\.address) })
        for reference in dependencies.unresolved {
            let target = TaskAddress(parsing: reference.reference.value, relativeTo: reference.referrer.workflow)
            if let target, changedWorkflows.contains(target.workflow) { seeds.insert(reference.referrer) }
        }
        return seeds
    }
}

extension EdgeOrigin {
    var inferredTable: String? {
        if case .inferred(let table, _, _) = self { return table }
        return nil
    }
}
