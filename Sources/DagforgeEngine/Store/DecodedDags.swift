import DagforgeWire
import Synchronization

/// The decoded DAGs (task definitions and relations) of workflow versions, keyed by their stored JSON text. Every
/// instance of a version reads the same text, so a burst of one workflow's instances decodes it once and the
/// instances share one copy; keying by the text itself (not by code and version) keeps this exact, as equal text
/// decodes equally, even where a version's row is written again.
final class DecodedDags: Sendable {
    struct Dag: Sendable {
        var tasks: [TaskDefinition]
        var relations: [ProcessTaskRelation]
        /// Each task's `taskParams` as compact JSON text, by task code: what every task instance records.
        var taskParamsText: [Int64: String]
        /// Each task's `localParams`, by task code (``TaskDefinition/localParams`` decodes them on every use).
        var localParams: [Int64: [Property]]
    }

    private struct Key: Hashable {
        var tasksJSON: String
        var relationsJSON: String
    }

    /// Versions kept; when full, the cache starts over (bursts run few versions at a time).
    private let capacity: Int
    private let dags = Mutex<[Key: Dag]>([:])

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The DAG stored as `tasksJSON` and `relationsJSON`, decoded on first use.
    func dag(tasksJSON: String, relationsJSON: String) throws -> Dag {
        let key = Key(tasksJSON: tasksJSON, relationsJSON: relationsJSON)
        if let dag = dags.withLock({ $0[key] }) { return dag }
        let tasks = try WireJSON.decode([TaskDefinition].self, from: tasksJSON)
        let dag = Dag(tasks: tasks, relations: try WireJSON.decode([ProcessTaskRelation].self, from: relationsJSON),
                      taskParamsText: Dictionary(tasks.map { ($0.code, $0.taskParams.compactString()) },
                                                 uniquingKeysWith: { first, _ in first }),
                      localParams: Dictionary(tasks.map { ($0.code, $0.localParams) }, uniquingKeysWith: { first, _ in first }))
        dags.withLock { dags in
            if dags.count >= capacity { dags.removeAll() }
            dags[key] = dag
        }
        return dag
    }
}
