import DagforgeCompiler
import DagforgeWire

/// Two environments compared, as compiled from one checkout and as deployed: which commit runs where,
/// and which workflows differ beyond the environments' own mappings. Values that each environment maps
/// on its own (bound codes and ids: datasources, environments, other workflows' codes; worker groups;
/// schedules) are masked before comparing.
public struct EnvironmentDiff: Codable, Sendable {
    public struct Side: Sendable {
        public var name: String
        public var compiled: [CompiledWorkflow]
        public var snapshot: EngineSnapshot

        public init(name: String, compiled: [CompiledWorkflow], snapshot: EngineSnapshot) {
            self.name = name
            self.compiled = compiled
            self.snapshot = snapshot
        }
    }

    public struct Entry: Codable, Hashable, Sendable {
        public var name: String
        /// Deployed commit per side (nil: not deployed, or not managed).
        public var commitA: String?
        public var commitB: String?
        public var inSpecsA: Bool
        public var inSpecsB: Bool
        /// Compiled definitions differ beyond the mappings: the fields that do.
        public var differences: [FieldDiff]
    }

    public var a: String
    public var b: String
    public var entries: [Entry]

    public init(_ a: Side, _ b: Side) {
        self.a = a.name
        self.b = b.name
        let compiledA = Dictionary(a.compiled.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let compiledB = Dictionary(b.compiled.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let commitsA = Self.commits(a.snapshot), commitsB = Self.commits(b.snapshot)
        let names = Set(compiledA.keys).union(compiledB.keys).union(commitsA.keys).union(commitsB.keys)
        entries = names.sorted().map { name in
            let shapeA = compiledA[name].map(Self.maskedShape), shapeB = compiledB[name].map(Self.maskedShape)
            var differences: [FieldDiff] = []
            if let shapeA, let shapeB, shapeA != shapeB {
                differences = FieldComparison.diffs(old: Planner.workflowFields(shapeA), new: Planner.workflowFields(shapeB))
                for task in Planner.taskChanges(old: shapeA.tasks, new: shapeB.tasks) {
                    differences += task.action == .update
                        ? task.fields.map { FieldDiff(field: task.name + "." + $0.field, old: $0.old, new: $0.new, unifiedDiff: $0.unifiedDiff) }
                        : [FieldDiff(field: task.name, old: task.action == .delete ? "present" : nil,
                                     new: task.action == .create ? "present" : nil)]
                }
                if shapeA.edges != shapeB.edges {
                    differences.append(FieldDiff(field: "edges", old: shapeA.edges.map { "\($0.from)→\($0.to)" }.joined(separator: ", "),
                                                 new: shapeB.edges.map { "\($0.from)→\($0.to)" }.joined(separator: ", ")))
                }
            }
            return Entry(name: name, commitA: commitsA[name], commitB: commitsB[name], inSpecsA: compiledA[name] != nil,
                         inSpecsB: compiledB[name] != nil, differences: differences)
        }
    }

    private static func commits(_ snapshot: EngineSnapshot) -> [String: String] {
        Dictionary(snapshot.deployed.compactMap { dag in dag.summary.marker.map { (dag.summary.name, $0.commit) } },
                   uniquingKeysWith: { x, _ in x })
    }

    /// The compiled shape with every environment-mapped value replaced by a mask.
    static func maskedShape(_ workflow: CompiledWorkflow) -> WorkflowShape {
        var definition = workflow.definition
        let indexByCode = Dictionary(definition.taskDefinitionJson.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { x, _ in x })
        for binding in workflow.bindings {
            guard let index = indexByCode[binding.taskCode] else { continue }
            if case .environmentCode = binding.target {
                definition.taskDefinitionJson[index].environmentCode = -1
            } else if let masked = definition.taskDefinitionJson[index].taskParams.setting(binding.pointer, to: .string("(mapped)")) {
                definition.taskDefinitionJson[index].taskParams = masked
            }
        }
        for index in definition.taskDefinitionJson.indices { definition.taskDefinitionJson[index].workerGroup = "(mapped)" }
        return WorkflowShape(request: definition)
    }
}
