import DagforgeSpec

/// Edges from SQL lineage: each reader of a table depends on its writer. Tasks with `infer: false` take
/// no part (their reads add no upstreams, their writes no downstreams).
///
/// When several tasks write a table, the writers that already run in a declared order (say `create_t`
/// before `load_t`) are not ambiguous: the reader depends on the last of them. Otherwise the read is an
/// `Ambiguity` (DF501) and gets no edge. Across workflows, a read whose writer the reader already waits
/// for through declared edges (a dependent task, say) adds nothing: no second DEPENDENT node.
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
        var lastWriter: [Set<TaskAddress>: TableUse?] = [:]
        var ancestors = AncestorCache()
        for task in lineage.tasks where inferring.contains(task.task) {
            for read in task.reads {
                let all = writers[read.table] ?? []
                let others = all.filter { $0.task != read.task }
                if others.isEmpty {
                    if !all.isEmpty { ownOutputReads.append(read) }
                    continue
                }
                let key = Set(others.map(\.task))
                let writer: TableUse?
                if let known = lastWriter[key] {
                    writer = known
                } else {
                    writer = Self.last(of: others, in: declared)
                    lastWriter[key] = writer
                }
                if let writer {
                    if writer.task.workflow != read.task.workflow,
                       ancestors.of(read.task, in: declared).contains(writer.task) { continue }
                    edges.append(InferredEdge(upstream: writer.task, downstream: read.task, table: read.table,
                                              read: read.range, written: writer.range))
                } else {
                    ambiguities.append(Ambiguity(read: read, writers: others.sorted { $0.task < $1.task }))
                }
            }
        }
    }

    /// The writer every other writer runs before (by declared edges), or nil when there is none.
    private static func last(of writers: [TableUse], in declared: DirectedGraph<TaskAddress>) -> TableUse? {
        if writers.count == 1 { return writers[0] }
        return writers.first { candidate in
            let before = declared.ancestors(of: candidate.task)
            return writers.allSatisfy { $0.task == candidate.task || before.contains($0.task) }
        }
    }

    /// Declared ancestors per reader, computed once per reader.
    private struct AncestorCache {
        private var known: [TaskAddress: Set<TaskAddress>] = [:]

        mutating func of(_ task: TaskAddress, in graph: DirectedGraph<TaskAddress>) -> Set<TaskAddress> {
            if let cached = known[task] { return cached }
            let found = graph.ancestors(of: task)
            known[task] = found
            return found
        }
    }

    public struct Warning: Hashable, Sendable {
        public var task: TaskAddress
        public var message: Located<String>
    }
}
