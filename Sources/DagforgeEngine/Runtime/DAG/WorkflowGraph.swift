import DagforgeWire

/// The tasks of one workflow run and their edges, restricted to the run's start nodes (DolphinScheduler's
/// `DagHelper.generateFlowDag`): TASK_POST = the start nodes and everything downstream, TASK_PRE = the start
/// nodes and everything upstream, TASK_ONLY = just the start nodes; edges to tasks outside are dropped.
/// No start nodes means the whole workflow.
public struct WorkflowGraph: Sendable {
    public struct Node: Sendable, Equatable {
        public var code: Int64
        public var name: String
        public var taskType: String
        /// `flag NO`: never runs; downstream tasks go on as if it had succeeded.
        public var isForbidden: Bool
        public var priority: Priority
        public var workerGroup: String
        public var maxRetries: Int
        public var retryInterval: Duration
        public var delay: Duration
        /// For CONDITIONS and SWITCH: every task code a branch may lead to.
        public var branchTargets: [Int64]

        public var isConditions: Bool { taskType == TaskType.conditions }
        public var isSwitch: Bool { taskType == TaskType.switch }
    }

    public let nodes: [Int64: Node]
    /// Task codes in a topological order (stable: definition order among independent tasks).
    public let order: [Int64]
    public let predecessors: [Int64: [Int64]]
    public let successors: [Int64: [Int64]]

    public init(tasks: [TaskDefinition], relations: [ProcessTaskRelation], startNodes: [Int64] = [],
                dependType: TaskDependType = .TASK_POST) throws(WorkflowGraphError) {
        var all: [Int64: Node] = [:]
        var definitionOrder: [Int64] = []
        for task in tasks where all[task.code] == nil {
            all[task.code] = Self.node(task)
            definitionOrder.append(task.code)
        }
        var fullPredecessors: [Int64: [Int64]] = [:]
        var fullSuccessors: [Int64: [Int64]] = [:]
        for relation in relations where relation.preTaskCode != 0 {
            let from = relation.preTaskCode
            let to = relation.postTaskCode
            guard all[from] != nil else { throw .unknownTask(from) }
            guard all[to] != nil else { throw .unknownTask(to) }
            if fullSuccessors[from, default: []].contains(to) { continue }
            fullSuccessors[from, default: []].append(to)
            fullPredecessors[to, default: []].append(from)
        }
        for code in startNodes where all[code] == nil { throw .unknownStartNode(code) }

        let selected = Self.select(startNodes, dependType, predecessors: fullPredecessors, successors: fullSuccessors)
            ?? Set(definitionOrder)
        nodes = all.filter { selected.contains($0.key) }
        predecessors = fullPredecessors.compactMapValues { codes in
            let kept = codes.filter(selected.contains)
            return kept.isEmpty ? nil : kept
        }.filter { selected.contains($0.key) }
        successors = fullSuccessors.compactMapValues { codes in
            let kept = codes.filter(selected.contains)
            return kept.isEmpty ? nil : kept
        }.filter { selected.contains($0.key) }
        order = try Self.topologicalOrder(definitionOrder.filter(selected.contains), predecessors: predecessors)
    }

    /// Every task reachable downstream of `code`, not including it.
    public func descendants(of code: Int64) -> Set<Int64> {
        var seen = Set<Int64>()
        var stack = successors[code] ?? []
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack.append(contentsOf: successors[next] ?? []) }
        }
        return seen
    }

    private static func node(_ task: TaskDefinition) -> Node {
        var targets: [Int64] = []
        if task.taskType == TaskType.conditions, let params = try? task.taskParams.decode(as: ConditionsParameters.self) {
            targets = params.conditionResult.successNode + params.conditionResult.failedNode
        } else if task.taskType == TaskType.switch, let params = try? task.taskParams.decode(as: SwitchParameters.self) {
            targets = params.switchResult.dependTaskList.map(\.nextNode) + (params.switchResult.nextNode.map { [$0] } ?? [])
        }
        // DolphinScheduler never retries a SUB_PROCESS task; the child workflow has its own retries.
        let retries = task.taskType == TaskType.subProcess ? 0 : max(task.failRetryTimes, 0)
        return Node(code: task.code, name: task.name, taskType: task.taskType, isForbidden: task.flag == .NO,
                    priority: task.taskPriority ?? .MEDIUM, workerGroup: task.workerGroup, maxRetries: retries,
                    retryInterval: .seconds(max(task.failRetryInterval, 0) * 60),
                    delay: .seconds(max(task.delayTime, 0) * 60), branchTargets: targets)
    }

    private static func select(_ startNodes: [Int64], _ dependType: TaskDependType, predecessors: [Int64: [Int64]],
                               successors: [Int64: [Int64]]) -> Set<Int64>? {
        guard !startNodes.isEmpty else { return nil }
        let edges: [Int64: [Int64]]
        switch dependType {
        case .TASK_ONLY: return Set(startNodes)
        case .TASK_PRE: edges = predecessors
        case .TASK_POST: edges = successors
        }
        var selected = Set<Int64>()
        var stack = startNodes
        while let code = stack.popLast() {
            if selected.insert(code).inserted { stack.append(contentsOf: edges[code] ?? []) }
        }
        return selected
    }

    private static func topologicalOrder(_ codes: [Int64], predecessors: [Int64: [Int64]]) throws(WorkflowGraphError) -> [Int64] {
        var remaining = Dictionary(uniqueKeysWithValues: codes.map { ($0, predecessors[$0]?.count ?? 0) })
        var successors: [Int64: [Int64]] = [:]
        for (code, preds) in predecessors { for pred in preds { successors[pred, default: []].append(code) } }
        var order: [Int64] = []
        var ready = codes.filter { remaining[$0] == 0 }
        var index = 0
        while index < ready.count {
            let code = ready[index]
            index += 1
            order.append(code)
            for next in successors[code] ?? [] {
                remaining[next]! -= 1
                if remaining[next] == 0 { ready.append(next) }
            }
        }
        guard order.count == codes.count else {
            throw .cycle(codes.filter { (remaining[$0] ?? 0) > 0 })
        }
        return order
    }
}

/// Why a workflow's tasks cannot form a DAG.
public enum WorkflowGraphError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownTask(Int64)
    case unknownStartNode(Int64)
    case cycle([Int64])

    public var description: String {
        switch self {
        case .unknownTask(let code): "a relation refers to task \(code), which is not in the workflow"
        case .unknownStartNode(let code): "this node \(code) does not exist in the latest process definition"
        case .cycle(let codes): "the tasks \(codes.map(String.init).joined(separator: ", ")) form a cycle"
        }
    }
}
