import DagforgeSpec
import Foundation

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
        let tasks = lineage.tasks
        // Writers by table as positions in `tasks`: the map holds integers, not copies of table uses.
        var writers: [String: [WritePosition]] = [:]
        writers.reserveCapacity(tasks.count)
        for (taskIndex, task) in tasks.enumerated() where task.infers {
            for (useIndex, use) in task.writes.enumerated() {
                writers[use.table, default: []].append(WritePosition(task: taskIndex, use: useIndex))
            }
            warnings += task.warnings.map { Warning(task: task.task, message: $0) }
        }
        // Each task's reads are matched on all cores against the finished map; results are joined in order.
        let readers = Array(tasks.indices).chunkedForCores(4 * ProcessInfo.processInfo.activeProcessorCount)
        let writerMap = writers
        let matched = readers.concurrentMap { run in
            var matches = ReadMatches()
            for taskIndex in run where tasks[taskIndex].infers {
                for read in tasks[taskIndex].reads { matches.match(read, of: taskIndex, writers: writerMap, tasks: tasks, declared: declared) }
            }
            return matches
        }
        for matches in matched {
            edges += matches.edges
            ambiguities += matches.ambiguities
            ownOutputReads += matches.ownOutputReads
        }
        edges = Self.withoutCoveredCrossWorkflowEdges(edges, declared: declared)
    }

    /// What matching some tasks' reads with the writers of their tables found.
    private struct ReadMatches {
        var edges: [InferredEdge] = []
        var ambiguities: [Ambiguity] = []
        var ownOutputReads: [TableUse] = []
        /// Writer sets repeat across tables (create_t + load_t): each set is ordered once.
        private var lastWriter: [Set<TaskAddress>: TaskAddress?] = [:]

        mutating func match(_ read: TableUse, of taskIndex: Int, writers: [String: [WritePosition]], tasks: [TaskLineage],
                            declared: DirectedGraph<TaskAddress>) {
            guard let all = writers[read.table] else { return }
            let others = all.filter { $0.task != taskIndex }
            if others.isEmpty {
                ownOutputReads.append(read)
                return
            }
            let chosen: WritePosition?
            if others.count == 1 {
                chosen = others[0]  // the usual case: one writer, nothing to order
            } else {
                let key = Set(others.map { tasks[$0.task].task })
                let last: TaskAddress?
                if let known = lastWriter[key] {
                    last = known
                } else {
                    last = LineageInference.last(of: key, in: declared)
                    lastWriter[key] = last
                }
                chosen = others.first { tasks[$0.task].task == last }
            }
            if let chosen {
                let writer = tasks[chosen.task].writes[chosen.use]
                edges.append(InferredEdge(upstream: writer.task, downstream: read.task, table: read.table,
                                          read: read.range, written: writer.range))
            } else {
                let uses = others.map { tasks[$0.task].writes[$0.use] }
                ambiguities.append(Ambiguity(read: read, writers: uses.sorted { $0.task < $1.task }))
            }
        }
    }

    /// A table write by where it is listed: `lineage.tasks[task].writes[use]`.
    fileprivate struct WritePosition {
        var task: Int
        var use: Int
    }

    /// Drops cross-workflow edges whose reader already waits for the writer through declared edges and
    /// the same-workflow inferred ones (no second DEPENDENT node for what a dependent task covers).
    private static func withoutCoveredCrossWorkflowEdges(_ edges: [InferredEdge],
                                                         declared: DirectedGraph<TaskAddress>) -> [InferredEdge] {
        guard edges.contains(where: \.crossesWorkflows) else { return edges }
        // The same-workflow inferred edges by downstream task's id, walked beside the declared graph rather
        // than added to a copy of it: copying 40,000 nodes' edges cost more than the walks.
        var inferredPredecessors = [[Int32]](repeating: [], count: declared.nodeCount)
        var crossEdgesByReader: [Int: [(edge: Int, writer: Int)]] = [:]
        for (index, edge) in edges.enumerated() {
            guard let upstream = declared.id(of: edge.upstream), let downstream = declared.id(of: edge.downstream) else { continue }
            if edge.crossesWorkflows {
                crossEdgesByReader[downstream, default: []].append((index, upstream))
            } else {
                inferredPredecessors[downstream].append(Int32(upstream))
            }
        }
        var covered = [Bool](repeating: false, count: edges.count)
        var walk = AncestorWalk(declared: declared, inferred: inferredPredecessors)
        for (reader, crossEdges) in crossEdgesByReader {
            walk.markAncestors(of: reader)
            for (edge, writer) in crossEdges { covered[edge] = walk.isMarked(writer) }
        }
        return edges.indices.filter { !covered[$0] }.map { edges[$0] }
    }

    /// The writer every other writer runs before (by declared edges), or nil when there is none.
    fileprivate static func last(of writers: Set<TaskAddress>, in declared: DirectedGraph<TaskAddress>) -> TaskAddress? {
        if writers.count == 1 { return writers.first }
        return writers.sorted().first { candidate in
            let before = declared.ancestors(of: candidate)
            return writers.allSatisfy { $0 == candidate || before.contains($0) }
        }
    }

    /// Marks the ancestors of one reader at a time through declared and same-workflow inferred edges; a
    /// walk's stamp tells its marks from the ones earlier walks left.
    private struct AncestorWalk {
        let declared: DirectedGraph<TaskAddress>
        let inferred: [[Int32]]
        private var stamps: [Int]
        private var stamp = 0

        init(declared: DirectedGraph<TaskAddress>, inferred: [[Int32]]) {
            self.declared = declared
            self.inferred = inferred
            stamps = [Int](repeating: 0, count: declared.nodeCount)
        }

        mutating func markAncestors(of reader: Int) {
            stamp += 1
            var pending = [reader]
            while let node = pending.popLast() {
                for next in declared.predecessorIDs(of: node) where stamps[Int(next)] != stamp {
                    stamps[Int(next)] = stamp
                    pending.append(Int(next))
                }
                for next in inferred[node] where stamps[Int(next)] != stamp {
                    stamps[Int(next)] = stamp
                    pending.append(Int(next))
                }
            }
        }

        /// Whether the last walk reached `node` (the reader itself only through a cycle).
        func isMarked(_ node: Int) -> Bool { stamps[node] == stamp }
    }

    public struct Warning: Hashable, Sendable {
        public var task: TaskAddress
        public var message: Located<String>
    }
}
