import DagforgeSpec

/// Edges from SQL lineage: each reader of a table depends on its writer. Tasks with `infer: false` take
/// no part (their reads add no upstreams, their writes no downstreams).
///
/// When several tasks write a table, the writers that already run in a declared order (say `create_t`
/// before `load_t`) are not ambiguous: the reader depends on the last of them. Otherwise the read is an
/// `Ambiguity` (DF501) and gets no edge. Across workflows, a read whose writer the reader already waits
/// for (through a dependent task, say, and declared or same-workflow inferred edges) adds nothing: no
/// second DEPENDENT node.
public struct LineageInference: Hashable, Sendable {
    /// A table several unordered tasks write, read by another task.
    public struct Ambiguity: Hashable, Sendable {
        public var read: TableUse
        /// Sorted by task.
        public var writers: [TableUse]
    }

    public var edges: [InferredEdge] = []
    public var ambiguities: [Ambiguity] = []
    /// Reads of a table that only the reading task writes (DF503).
    public var ownOutputReads: [TableUse] = []
    /// Analyzer warnings of tasks that take part in inference (DF504).
    public var warnings: [Warning] = []

    public init() {}

    /// - Parameter declared: the graph of declared edges, which orders multiple writers of one table.
    public init(_ lineage: RepositoryLineage, declared: DirectedGraph<TaskAddress>) {
        let inferring = Set(lineage.tasks.filter(\.infers).map(\.task))
        var writers: [String: [TableUse]] = [:]
        for task in lineage.tasks where task.infers {
            for use in task.writes { writers[use.table, default: []].append(use) }
            warnings += task.warnings.map { Warning(task: task.task, message: $0) }
        }
        // Writer sets repeat across tables (create_t + load_t): order each set once.
        var lastWriter: [Set<TaskAddress>: TaskAddress?] = [:]
        for task in lineage.tasks where inferring.contains(task.task) {
            for read in task.reads {
                let all = writers[read.table] ?? []
                let others = all.filter { $0.task != read.task }
                if others.isEmpty {
                    if !all.isEmpty { ownOutputReads.append(read) }
                    continue
                }
                let last: TaskAddress?
                if others.count == 1 {
                    last = others[0].task  // the usual case: one writer, nothing to order
                } else {
                    let key = Set(others.map(\.task))
                    if let known = lastWriter[key] {
                        last = known
                    } else {
                        last = Self.last(of: key, in: declared)
                        lastWriter[key] = last
                    }
                }
                if let writer = others.first(where: { $0.task == last }) {
                    edges.append(InferredEdge(upstream: writer.task, downstream: read.task, table: read.table,
                                              read: read.range, written: writer.range))
                } else {
                    ambiguities.append(Ambiguity(read: read, writers: others.sorted { $0.task < $1.task }))
                }
            }
        }
        edges = Self.withoutCoveredCrossWorkflowEdges(edges, declared: declared)
    }

    /// Drops cross-workflow edges whose reader already waits for the writer through declared edges and
    /// the same-workflow inferred ones (no second DEPENDENT node for what a dependent task covers).
    private static func withoutCoveredCrossWorkflowEdges(_ edges: [InferredEdge],
                                                         declared: DirectedGraph<TaskAddress>) -> [InferredEdge] {
        guard edges.contains(where: { $0.upstream.workflow != $0.downstream.workflow }) else { return edges }
        // The same-workflow inferred edges by downstream task, walked beside the declared graph rather than
        // added to a copy of it: copying 40,000 nodes' edge sets cost more than the walks.
        var inferredPredecessors: [TaskAddress: [TaskAddress]] = [:]
        for edge in edges where edge.upstream.workflow == edge.downstream.workflow {
            inferredPredecessors[edge.downstream, default: []].append(edge.upstream)
        }
        var ancestors = AncestorCache(declared: declared, inferred: inferredPredecessors)
        return edges.filter { edge in
            edge.upstream.workflow == edge.downstream.workflow || !ancestors.of(edge.downstream).contains(edge.upstream)
        }
    }

    /// The writer every other writer runs before (by declared edges), or nil when there is none.
    private static func last(of writers: Set<TaskAddress>, in declared: DirectedGraph<TaskAddress>) -> TaskAddress? {
        if writers.count == 1 { return writers.first }
        return writers.sorted().first { candidate in
            let before = declared.ancestors(of: candidate)
            return writers.allSatisfy { $0 == candidate || before.contains($0) }
        }
    }

    /// Ancestors per reader through declared and same-workflow inferred edges, computed once per reader.
    private struct AncestorCache {
        let declared: DirectedGraph<TaskAddress>
        let inferred: [TaskAddress: [TaskAddress]]
        private var known: [TaskAddress: Set<TaskAddress>] = [:]

        init(declared: DirectedGraph<TaskAddress>, inferred: [TaskAddress: [TaskAddress]]) {
            self.declared = declared
            self.inferred = inferred
        }

        mutating func of(_ task: TaskAddress) -> Set<TaskAddress> {
            if let cached = known[task] { return cached }
            var seen: Set<TaskAddress> = []
            var pending = [task]
            while let node = pending.popLast() {
                for next in declared.predecessors[node] ?? [] where seen.insert(next).inserted { pending.append(next) }
                for next in inferred[node] ?? [] where seen.insert(next).inserted { pending.append(next) }
            }
            seen.remove(task)
            known[task] = seen
            return seen
        }
    }

    public struct Warning: Hashable, Sendable {
        public var task: TaskAddress
        public var message: Located<String>
    }
}
