import DagforgeWire
import Foundation

extension DAGWalker {
    /// Settles every pending task whose upstream tasks allow a decision: skipped (all direct upstream tasks
    /// skipped), not run (an upstream task failed or was killed), or ready / delayed. Walks in topological order
    /// so decisions propagate in one pass.
    mutating func evaluate(now: Date) {
        guard acceptsNewWork else { return }
        for code in graph.order where phases[code] == .pending {
            guard let node = graph.nodes[code] else { continue }
            let direct = graph.predecessors[code] ?? []
            if !direct.isEmpty && direct.allSatisfy({ phases[$0] == .skipped }) {
                setPhase(code, .skipped)
                continue
            }
            switch dependencyDecision(for: node) {
            case .wait:
                continue
            case .blocked(let isError):
                setPhase(code, .notRun(isError: isError))
            case .go:
                if node.delay > .zero {
                    setPhase(code, .delayed(until: now.addingTimeInterval(node.delay.timeInterval)))
                } else {
                    markReady(code, attempt: 0)
                }
            }
        }
    }

    private enum DependencyDecision {
        case wait
        case blocked(isError: Bool)
        case go
    }

    /// DolphinScheduler's `isTaskDepsComplete` over the upstream tasks, looking through forbidden ones.
    private func dependencyDecision(for node: WorkflowGraph.Node) -> DependencyDecision {
        for dependency in effectiveDependencies(of: node.code) {
            switch phases[dependency] {
            case .skipped:
                continue
            case .finished(let status):
                if status == .KILL { return .blocked(isError: false) }
                // A CONDITIONS task runs whatever its upstream tasks ended with.
                if node.isConditions { continue }
                if let follow = followed[dependency] {
                    if !follow.contains(node.code) { return .blocked(isError: true) }
                    continue
                }
                if status == .FAILURE || status == .NEED_FAULT_TOLERANCE { return .blocked(isError: true) }
            case .notRun:
                return .wait
            default:
                return .wait
            }
        }
        return .go
    }

    /// Direct upstream tasks, replacing each forbidden one by its own upstream tasks.
    private func effectiveDependencies(of code: Int64) -> [Int64] {
        var result: [Int64] = []
        var stack = graph.predecessors[code] ?? []
        var seen = Set<Int64>()
        while let dependency = stack.popLast() {
            guard seen.insert(dependency).inserted else { continue }
            if phases[dependency] == .forbidden {
                stack.append(contentsOf: graph.predecessors[dependency] ?? [])
            } else {
                result.append(dependency)
            }
        }
        return result
    }
}
