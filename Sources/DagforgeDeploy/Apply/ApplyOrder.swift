import DagforgeCompiler

/// Orders the workflows to create or update so that every workflow comes after the ones its DEPENDENT and
/// SUB_PROCESS tasks point at (their codes must exist, SUB_PROCESS children must be ONLINE first).
/// Returns levels: the workflows of one level do not refer to each other and run in parallel.
enum ApplyOrder {
    static func levels(_ changes: [WorkflowChange]) throws -> [[WorkflowChange]] {
        let byName = Dictionary(changes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var pending: [String: Set<String>] = [:]
        for change in changes {
            let targets = (change.desired?.bindings ?? []).compactMap { binding -> String? in
                switch binding.target {
                case .workflowCode(let workflow), .taskCode(let workflow, _): workflow
                default: nil
                }
            }
            pending[change.name] = Set(targets.filter { $0 != change.name && byName[$0] != nil })
        }
        var levels: [[WorkflowChange]] = []
        while !pending.isEmpty {
            let ready = pending.filter { $0.value.isEmpty }.keys.sorted()
            guard !ready.isEmpty else { throw ApplyError.referenceCycle(cycle(in: pending)) }
            levels.append(ready.compactMap { byName[$0] })
            for name in ready { pending[name] = nil }
            for name in pending.keys { pending[name]?.subtract(ready) }
        }
        return levels
    }

    /// One cycle among the blocked workflows, for the error message.
    private static func cycle(in pending: [String: Set<String>]) -> [String] {
        guard var current = pending.keys.sorted().first else { return [] }
        var path: [String] = []
        while !path.contains(current) {
            path.append(current)
            guard let next = pending[current]?.sorted().first else { break }
            current = next
        }
        let start = path.firstIndex(of: current) ?? 0
        return Array(path[start...]) + [current]
    }
}
