import DagforgeCompiler
import DagforgeSpec
import DagforgeWire

/// Compares the compiled workflows of one environment with a snapshot of its engine and says what apply
/// would change. Pure: no I/O, same input, same plan. Codes, versions, timestamps and canvas locations
/// are ignored; tasks are matched by name.
public struct Planner: Sendable {
    public var environment: String
    public var project: String
    public var commit: String
    public var prune: Bool

    public init(environment: String, project: String, commit: String, prune: Bool = false) {
        self.environment = environment
        self.project = project
        self.commit = commit
        self.prune = prune
    }

    public func plan(desired: [CompiledWorkflow], snapshot: EngineSnapshot) throws -> Plan {
        let index = EngineSnapshot.Index(snapshot)
        let resolver = Self.resolver(project: project, desired: desired, snapshot: snapshot)
        // Workflows are compared independently: on all cores (a no-op plan of 4,000 workflows is mostly this).
        let compared = try desired.sorted(by: { $0.name < $1.name }).concurrentMap { workflow in
            Result { () throws -> (WorkflowChange, [DeployProblem]) in
                let (definition, found) = resolver.resolve(workflow, allowPending: true)
                var problems = found
                let existing = index.byName[workflow.name]
                let schedule = existing.flatMap { index.scheduleByCode[$0.summary.code] }
                let (desiredSchedule, scheduleProblem) = Self.resolvedSchedule(workflow, snapshot: snapshot)
                if let scheduleProblem { problems.append(scheduleProblem) }
                var change = try compare(workflow, definition: definition, desiredSchedule: desiredSchedule,
                                         existing: existing, schedule: schedule)
                change.desired = workflow
                return (change, problems)
            }
        }.map { try $0.get() }
        let problems = compared.flatMap(\.1)
        var changes = compared.map(\.0)
        if !problems.isEmpty { throw PlanningError(problems: problems) }
        let desiredNames = Set(desired.map(\.name))
        var candidates: [String] = []
        for definition in snapshot.deployed.map(\.summary).sorted(by: { $0.name < $1.name }) {
            guard !desiredNames.contains(definition.name), let marker = definition.marker else { continue }
            guard prune else {
                candidates.append(definition.name)
                continue
            }
            let schedule = index.scheduleByCode[definition.code]
            changes.append(WorkflowChange(
                name: definition.name, sourcePath: marker.sourcePath, action: .delete, engineCode: definition.code,
                engineFingerprint: EngineFingerprint.of(definition, schedule: schedule), fields: [], tasks: [],
                relations: RelationChanges(), schedule: schedule.map { _ in ScheduleChange(action: .delete, fields: [], release: nil) },
                release: nil, drifted: definition.drifted, desired: nil))
        }
        changes.sort { $0.name < $1.name }
        return Plan(environment: environment, project: project, projectExists: snapshot.project != nil, commit: commit,
                    prune: prune, workflows: changes, pruneCandidates: candidates)
    }

    static func resolver(project: String, desired: [CompiledWorkflow], snapshot: EngineSnapshot) -> BindingResolver {
        BindingResolver(
            projectName: project, projectCode: snapshot.project?.code,
            workflowCodes: Dictionary(snapshot.deployed.map { ($0.summary.name, $0.summary.code) },
                                      uniquingKeysWith: { a, _ in a }),
            taskCodes: Dictionary(snapshot.deployed.map { ($0.summary.name, $0.summary.taskCodes) },
                                  uniquingKeysWith: { a, _ in a }),
            desiredTasks: Dictionary(desired.map { ($0.name, Set($0.definition.taskDefinitionJson.map(\.name))) },
                                     uniquingKeysWith: { a, _ in a }),
            dataSources: snapshot.dataSources, environments: snapshot.environments)
    }

    /// The schedule with its environment name resolved to a code.
    static func resolvedSchedule(_ workflow: CompiledWorkflow, snapshot: EngineSnapshot) -> (DesiredSchedule?, DeployProblem?) {
        guard let schedule = workflow.schedule else { return (nil, nil) }
        guard let name = schedule.environmentName else { return (DesiredSchedule(schedule, environmentCode: -1), nil) }
        guard let environment = snapshot.environments.first(where: { $0.name == name }) else {
            return (nil, DeployProblem(workflow: workflow.name, task: nil,
                                       message: "the schedule's environment \(name) does not exist on the engine",
                                       hint: "create it on the engine or fix the environment name"))
        }
        return (DesiredSchedule(schedule, environmentCode: environment.code), nil)
    }

    /// Equal digests, equal shapes: the shapes (and the engine's DAG, decoded) are built only for a workflow
    /// whose digest differs, to list what differs.
    private func compare(_ workflow: CompiledWorkflow, definition: ProcessDefinitionRequest, desiredSchedule: DesiredSchedule?,
                         existing: DeployedDag?, schedule: Schedule?) throws -> WorkflowChange {
        var definition = definition
        definition.description = Marker.deployedUserText(definition.description, sourcePath: workflow.sourcePath, commit: commit)
        let summary = existing?.summary
        let marker = summary?.marker
        var fields: [FieldDiff] = [], tasks: [TaskChange] = [], relations = RelationChanges()
        if summary?.shapeDigest != ShapeDigest.of(request: definition) {
            let desiredShape = WorkflowShape(request: definition)
            let engineShape = try existing.map { WorkflowShape(dag: try $0.dag()) }
            let desiredFields = Self.workflowFields(desiredShape), engineFields = engineShape.map(Self.workflowFields)
            fields = engineFields == desiredFields ? [] : FieldComparison.diffs(old: engineFields, new: desiredFields)
            tasks = Self.taskChanges(old: engineShape?.tasks ?? [:], new: desiredShape.tasks)
            let oldEdges = Set(engineShape?.edges ?? []), newEdges = Set(desiredShape.edges)
            relations = RelationChanges(added: newEdges.subtracting(oldEdges).sorted(),
                                        removed: oldEdges.subtracting(newEdges).sorted())
        }
        if existing != nil, marker?.sourcePath != workflow.sourcePath {
            fields.append(FieldDiff(field: "marker", old: marker?.line, new: "managed by dagforge | source: \(workflow.sourcePath)"))
        }
        let scheduleChange = Self.scheduleChange(desired: desiredSchedule, engine: schedule)
        let engineRelease = summary?.releaseState
        let release = engineRelease == .ONLINE ? nil : ReleaseChange(from: engineRelease?.rawValue, to: ReleaseState.ONLINE.rawValue)
        var change = WorkflowChange(
            name: workflow.name, sourcePath: workflow.sourcePath, action: existing == nil ? .create : .noOp,
            engineCode: summary?.code, engineFingerprint: EngineFingerprint.of(summary, schedule: schedule),
            fields: fields, tasks: tasks, relations: relations, schedule: scheduleChange, release: release,
            drifted: summary?.drifted(marker: marker) ?? false, desired: nil)
        if existing != nil, change.definitionChanges || scheduleChange != nil || release != nil { change.action = .update }
        return change
    }

    static func workflowFields(_ shape: WorkflowShape) -> [String: JSONValue] {
        [
            "description": .string(shape.description),
            "globalParams": shape.globalParamsValue,
            "timeout": .int(Int64(shape.timeout)),
            "executionType": .string(shape.executionType),
        ]
    }

    static func taskChanges(old: [String: [String: JSONValue]], new: [String: [String: JSONValue]]) -> [TaskChange] {
        Set(old.keys).union(new.keys).sorted().compactMap { name in
            let before = old[name], after = new[name]
            let type = (after ?? before)?["taskType"]?.stringValue ?? ""
            switch (before, after) {
            case (nil, let after?):
                return TaskChange(name: name, taskType: type, action: .create, fields: FieldComparison.diffs(old: nil, new: after))
            case (_?, nil):
                return TaskChange(name: name, taskType: type, action: .delete, fields: [])
            case (let before?, let after?):
                if before == after { return nil }
                let fields = FieldComparison.diffs(old: before, new: after)
                return fields.isEmpty ? nil : TaskChange(name: name, taskType: type, action: .update, fields: fields)
            default:
                return nil
            }
        }
    }

    static func scheduleChange(desired: DesiredSchedule?, engine: Schedule?) -> ScheduleChange? {
        switch (desired, engine) {
        case (nil, nil):
            return nil
        case (nil, _?):
            return ScheduleChange(action: .delete, fields: [], release: nil)
        case (let desired?, nil):
            return ScheduleChange(action: .create, fields: FieldComparison.diffs(old: nil, new: desired.fields, prefix: "schedule."),
                                  release: ReleaseChange(from: nil, to: desired.releaseState.rawValue))
        case (let desired?, let engine?):
            let fields = FieldComparison.diffs(old: DesiredSchedule.fields(of: engine), new: desired.fields, prefix: "schedule.")
            let release = engine.releaseState == desired.releaseState
                ? nil : ReleaseChange(from: engine.releaseState.rawValue, to: desired.releaseState.rawValue)
            if fields.isEmpty && release == nil { return nil }
            return ScheduleChange(action: fields.isEmpty ? .noOp : .update, fields: fields, release: release)
        }
    }
}
