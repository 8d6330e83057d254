import DagforgeSpec
import Foundation

/// Builds the repository's task graph from declared upstreams (same workflow and `workflow/task`),
/// dependent targets, conditions/switch branches, and edges inferred from SQL lineage.
public struct DependencyResolver: Sendable {
    private let repository: LoadedRepository
    /// Workflow name → its index in `repository.workflows` (the first, should two share a name).
    private let workflowIndex: [String: Int]

    public init(repository: LoadedRepository) {
        self.repository = repository
        workflowIndex = Dictionary(repository.workflows.indices.map { (repository.workflows[$0].name, $0) },
                                   uniquingKeysWith: { first, _ in first })
    }

    public func resolve(inferred: [InferredEdge] = []) -> DependencyGraph {
        var result = DependencyGraph()
        // Every task first, so that a reference resolves with one lookup of its address. By index: iterating
        // would copy each task and workflow (a copy retains every field).
        result.reserveCapacity(tasks: repository.workflows.reduce(0) { $0 + $1.tasks.count })
        for workflowIndex in repository.workflows.indices {
            for taskIndex in repository.workflows[workflowIndex].tasks.indices {
                result.graph.add(repository.workflows[workflowIndex].tasks[taskIndex].address)
            }
        }
        // References resolve on all cores against the finished set of tasks; their edges are then added in
        // repository order, as one pass would have.
        for found in referencesFound(against: result.graph) {
            for edge in found.edges { result.add(from: edge.from, to: edge.to, origin: edge.origin) }
            result.unresolved += found.unresolved
            result.selfReferences += found.selfReferences
        }
        return adding(inferred, to: consume result)
    }

    /// What every task's references name, by runs of workflows. Nothing here holds on to `tasks` once it
    /// returns, so adding the edges to the graph afterwards does not copy it.
    private func referencesFound(against tasks: DirectedGraph<TaskAddress>) -> [FoundReferences] {
        let runs = Array(repository.workflows.indices).chunkedForCores(4 * ProcessInfo.processInfo.activeProcessorCount)
        return runs.concurrentMap { references(in: $0, tasks: tasks).found }
    }

    /// The declared edges of the tasks of the given workflows, and what their references fail to name.
    private func references(in workflows: [Int], tasks: DirectedGraph<TaskAddress>) -> References {
        var found = References(tasks: tasks)
        for workflowIndex in workflows {
            for taskIndex in repository.workflows[workflowIndex].tasks.indices {
                let id = tasks.id(of: repository.workflows[workflowIndex].tasks[taskIndex].address)!
                resolveUpstreams(of: repository.workflows[workflowIndex].tasks[taskIndex], id: id, into: &found)
                resolveKindReferences(of: repository.workflows[workflowIndex].tasks[taskIndex], id: id, into: &found)
            }
        }
        return found
    }

    /// Resolving some tasks' references against every task.
    private struct References {
        let tasks: DirectedGraph<TaskAddress>
        var found = FoundReferences()

        init(tasks: DirectedGraph<TaskAddress>) { self.tasks = tasks }

        mutating func add(from: Int, to: Int, origin: EdgeOrigin) { found.edges.append((from, to, origin)) }
    }

    /// The edges some tasks declare, by id, and the references that name nothing.
    private struct FoundReferences {
        var edges: [(from: Int, to: Int, origin: EdgeOrigin)] = []
        var unresolved: [UnresolvedReference] = []
        var selfReferences: [Located<TaskAddress>] = []
    }

    /// `graph` with the inferred edges whose reader accepts inference added (an edge already declared
    /// keeps both origins).
    /// The graph is consumed so that adding to it does not copy 40,000 nodes.
    public func adding(_ inferred: [InferredEdge], to graph: consuming DependencyGraph) -> DependencyGraph {
        var result = graph
        for edge in inferred where acceptsInference(edge) { add(edge, to: &result) }
        return result
    }

    /// `graph` with edges `LineageInference` found: their tasks take part in inference by construction. The
    /// ends are looked up on all cores; the edges are added in order.
    func addingInferredFromLineage(_ inferred: [InferredEdge], to graph: consuming DependencyGraph) -> DependencyGraph {
        var result = graph
        for (edge, ends) in zip(inferred, Self.ends(of: inferred, in: result.graph)) { add(edge, ends: ends, to: &result) }
        return result
    }

    /// The ids of each edge's ends in `tasks`. Nothing here holds on to `tasks` once it returns, so adding the
    /// edges to the graph afterwards does not copy it.
    private static func ends(of inferred: [InferredEdge], in tasks: DirectedGraph<TaskAddress>) -> [(Int?, Int?)] {
        let runs = Array(inferred.indices).chunkedForCores(4 * ProcessInfo.processInfo.activeProcessorCount)
        return Array(runs.concurrentMap { run in run.map { (tasks.id(of: inferred[$0].upstream), tasks.id(of: inferred[$0].downstream)) } }.joined())
    }

    private func add(_ edge: InferredEdge, to result: inout DependencyGraph) {
        add(edge, ends: (result.graph.id(of: edge.upstream), result.graph.id(of: edge.downstream)), to: &result)
    }

    private func add(_ edge: InferredEdge, ends: (Int?, Int?), to result: inout DependencyGraph) {
        let origin = EdgeOrigin.inferred(table: edge.table, read: edge.read, written: edge.written)
        if let from = ends.0, let to = ends.1 {
            result.add(from: from, to: to, origin: origin)
        } else {
            result.add(.init(from: edge.upstream, to: edge.downstream), origin: origin)
        }
    }

    private func resolveUpstreams(of task: TaskSpec, id: Int, into result: inout References) {
        for entry in task.settings.upstream ?? [] {
            guard let target = resolvedID(entry, from: task, into: &result) else { continue }
            result.add(from: target, to: id, origin: .declared(entry.range))
        }
    }

    private func resolveKindReferences(of task: TaskSpec, id: Int, into result: inout References) {
        switch task.kind {
        case .dependent(let dependent):
            for target in dependent.on {
                if !target.value.contains("/") {
                    guard requireWorkflow(target, from: task, into: &result) else { continue }
                    for sink in sinks(of: target.value) {
                        guard let sinkID = result.tasks.id(of: sink) else { continue }
                        result.add(from: sinkID, to: id, origin: .declared(target.range))
                    }
                } else if let upstream = resolvedID(target, from: task, into: &result) {
                    result.add(from: upstream, to: id, origin: .declared(target.range))
                }
            }
        case .subProcess(let child):
            _ = requireWorkflow(child, from: task, into: &result)
        case .conditions(let conditions):
            branches(conditions.success + conditions.failed, of: task, id: id, into: &result)
        case .switch(let branching):
            branches(branching.cases.map(\.then) + [branching.defaultBranch].compactMap { $0 }, of: task, id: id, into: &result)
        case .sql, .shell, .python, .http, .passThrough:
            break
        }
    }

    /// Branch tasks of conditions and switch run after the branching task.
    private func branches(_ names: [Located<String>], of task: TaskSpec, id: Int, into result: inout References) {
        for name in names {
            guard let target = resolvedID(name, from: task, into: &result) else { continue }
            guard result.tasks.nodes[target].workflow == task.workflow else {
                result.found.unresolved.append(UnresolvedReference(kind: .malformed, reference: name, referrer: task.address))
                continue
            }
            result.add(from: id, to: target, origin: .declared(name.range))
        }
    }

    /// The id of the task `reference` names, or nil after recording why it names nothing.
    private func resolvedID(_ reference: Located<String>, from task: TaskSpec, into result: inout References) -> Int? {
        guard let target = TaskAddress(parsing: reference.value, relativeTo: task.workflow) else {
            result.found.unresolved.append(UnresolvedReference(kind: .malformed, reference: reference, referrer: task.address))
            return nil
        }
        if target == task.address {
            result.found.selfReferences.append(Located(task.address, at: reference.range))
            return nil
        }
        if let id = result.tasks.id(of: target) { return id }
        guard let workflow = workflow(named: target.workflow) else {
            result.found.unresolved.append(UnresolvedReference(
                kind: .workflow, reference: reference, referrer: task.address,
                suggestion: NameSuggestion.closest(to: target.workflow, in: workflowIndex.keys).map { "\($0)/\(target.task)" }))
            return nil
        }
        let sameWorkflow = target.workflow == task.workflow
        let suggestion = NameSuggestion.closest(to: target.task, in: Set(workflow.tasks.map(\.name)))
        result.found.unresolved.append(UnresolvedReference(
            kind: sameWorkflow ? .task : .workflow, reference: reference, referrer: task.address,
            suggestion: suggestion.map { sameWorkflow && !reference.value.contains("/") ? $0 : "\(target.workflow)/\($0)" }))
        return nil
    }

    private func requireWorkflow(_ name: Located<String>, from task: TaskSpec, into result: inout References) -> Bool {
        if workflowIndex[name.value] != nil { return true }
        result.found.unresolved.append(UnresolvedReference(kind: .workflow, reference: name, referrer: task.address,
                                                     suggestion: NameSuggestion.closest(to: name.value, in: workflowIndex.keys)))
        return false
    }

    private func workflow(named name: String) -> WorkflowSpec? { workflowIndex[name].map { repository.workflows[$0] } }

    /// Tasks of `workflow` that no other task of it waits for: depending on the workflow means on them.
    private func sinks(of workflow: String) -> [TaskAddress] {
        guard let spec = self.workflow(named: workflow) else { return [] }
        let upstreamNames = Set(spec.tasks.flatMap { ($0.settings.upstream ?? []).map(\.value) })
        return spec.tasks.filter { !upstreamNames.contains($0.name) }.map(\.address)
    }

    /// `infer: false` on the reading task, its workflow's defaults or the project turns inference off.
    private func acceptsInference(_ edge: InferredEdge) -> Bool {
        guard edge.upstream != edge.downstream,
              workflow(named: edge.upstream.workflow)?.task(named: edge.upstream.task) != nil,
              let workflow = workflow(named: edge.downstream.workflow),
              let task = workflow.task(named: edge.downstream.task) else { return false }
        return repository.infers(task, in: workflow)
    }
}
