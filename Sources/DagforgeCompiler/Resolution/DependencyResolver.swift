import DagforgeSpec

/// Builds the repository's task graph from declared upstreams (same workflow and `workflow/task`),
/// dependent targets, conditions/switch branches, and edges inferred from SQL lineage.
public struct DependencyResolver: Sendable {
    private let repository: LoadedRepository
    private let workflows: [String: WorkflowSpec]
    private let taskNames: [String: Set<String>]

    public init(repository: LoadedRepository) {
        self.repository = repository
        workflows = Dictionary(repository.workflows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        taskNames = Dictionary(repository.workflows.map { ($0.name, Set($0.tasks.map(\.name))) },
                               uniquingKeysWith: { first, _ in first })
    }

    public func resolve(inferred: [InferredEdge] = []) -> DependencyGraph {
        var result = DependencyGraph()
        for workflow in repository.workflows {
            for task in workflow.tasks {
                result.graph.add(task.address)
                resolveUpstreams(of: task, into: &result)
                resolveKindReferences(of: task, in: workflow, into: &result)
            }
        }
        return adding(inferred, to: consume result)
    }

    /// `graph` with the inferred edges whose reader accepts inference added (an edge already declared
    /// keeps both origins).
    /// The graph is consumed so that adding to it does not copy 40,000 nodes.
    public func adding(_ inferred: [InferredEdge], to graph: consuming DependencyGraph) -> DependencyGraph {
        var result = graph
        for edge in inferred where acceptsInference(edge) {
            result.add(.init(from: edge.upstream, to: edge.downstream),
                       origin: .inferred(table: edge.table, read: edge.read, written: edge.written))
        }
        return result
    }

    private func resolveUpstreams(of task: TaskSpec, into result: inout DependencyGraph) {
        for entry in task.settings.upstream ?? [] {
            guard let target = address(entry, from: task, into: &result) else { continue }
            result.add(.init(from: target, to: task.address), origin: .declared(entry.range))
        }
    }

    private func resolveKindReferences(of task: TaskSpec, in workflow: WorkflowSpec, into result: inout DependencyGraph) {
        switch task.kind {
        case .dependent(let dependent):
            for target in dependent.on {
                if !target.value.contains("/") {
                    guard requireWorkflow(target, from: task, into: &result) else { continue }
                    for sink in sinks(of: target.value) {
                        result.add(.init(from: sink, to: task.address), origin: .declared(target.range))
                    }
                } else if let upstream = address(target, from: task, into: &result) {
                    result.add(.init(from: upstream, to: task.address), origin: .declared(target.range))
                }
            }
        case .subProcess(let child):
            _ = requireWorkflow(child, from: task, into: &result)
        case .conditions(let conditions):
            branches(conditions.success + conditions.failed, of: task, into: &result)
        case .switch(let branching):
            branches(branching.cases.map(\.then) + [branching.defaultBranch].compactMap { $0 }, of: task, into: &result)
        case .sql, .shell, .python, .http, .passThrough:
            break
        }
    }

    /// Branch tasks of conditions and switch run after the branching task.
    private func branches(_ names: [Located<String>], of task: TaskSpec, into result: inout DependencyGraph) {
        for name in names {
            guard let target = address(name, from: task, into: &result) else { continue }
            guard target.workflow == task.workflow else {
                result.unresolved.append(UnresolvedReference(kind: .malformed, reference: name, referrer: task.address))
                continue
            }
            result.add(.init(from: task.address, to: target), origin: .declared(name.range))
        }
    }

    /// The address `reference` names, or nil after recording why it names nothing.
    private func address(_ reference: Located<String>, from task: TaskSpec, into result: inout DependencyGraph) -> TaskAddress? {
        guard let target = TaskAddress(parsing: reference.value, relativeTo: task.workflow) else {
            result.unresolved.append(UnresolvedReference(kind: .malformed, reference: reference, referrer: task.address))
            return nil
        }
        if target == task.address {
            result.selfReferences.append(Located(task.address, at: reference.range))
            return nil
        }
        guard let names = taskNames[target.workflow] else {
            result.unresolved.append(UnresolvedReference(
                kind: .workflow, reference: reference, referrer: task.address,
                suggestion: NameSuggestion.closest(to: target.workflow, in: taskNames.keys).map { "\($0)/\(target.task)" }))
            return nil
        }
        guard names.contains(target.task) else {
            let sameWorkflow = target.workflow == task.workflow
            let suggestion = NameSuggestion.closest(to: target.task, in: names)
            result.unresolved.append(UnresolvedReference(
                kind: sameWorkflow ? .task : .workflow, reference: reference, referrer: task.address,
                suggestion: suggestion.map { sameWorkflow && !reference.value.contains("/") ? $0 : "\(target.workflow)/\($0)" }))
            return nil
        }
        return target
    }

    private func requireWorkflow(_ name: Located<String>, from task: TaskSpec, into result: inout DependencyGraph) -> Bool {
        if taskNames[name.value] != nil { return true }
        result.unresolved.append(UnresolvedReference(kind: .workflow, reference: name, referrer: task.address,
                                                     suggestion: NameSuggestion.closest(to: name.value, in: taskNames.keys)))
        return false
    }

    /// Tasks of `workflow` that no other task of it waits for: depending on the workflow means on them.
    private func sinks(of workflow: String) -> [TaskAddress] {
        guard let spec = workflows[workflow] else { return [] }
        let upstreamNames = Set(spec.tasks.flatMap { ($0.settings.upstream ?? []).map(\.value) })
        return spec.tasks.filter { !upstreamNames.contains($0.name) }.map(\.address)
    }

    /// `infer: false` on the reading task, its workflow's defaults or the project turns inference off.
    private func acceptsInference(_ edge: InferredEdge) -> Bool {
        guard edge.upstream != edge.downstream,
              taskNames[edge.upstream.workflow]?.contains(edge.upstream.task) == true,
              let workflow = workflows[edge.downstream.workflow],
              // An index, not `task(named:)`: this runs per inferred edge, and a task copy is large.
              let index = workflow.tasks.firstIndex(where: { $0.name == edge.downstream.task }) else { return false }
        return repository.infers(workflow.tasks[index], in: workflow)
    }
}
