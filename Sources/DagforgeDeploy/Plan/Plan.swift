import DagforgeCompiler
import DagforgeWire

/// What apply would do to one environment's project: data only; `Applier` carries it out. Saved as
/// JSON (`PLANFILE`), it records per workflow a fingerprint of the engine state it was computed against.
public struct Plan: Codable, Sendable {
    /// Version of this JSON schema; bumped on incompatible changes.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var environment: String
    public var project: String
    /// false = apply creates the project first.
    public var projectExists: Bool
    /// The git commit the specs were compiled from; written into each changed workflow's marker.
    public var commit: String
    public var prune: Bool
    /// Every workflow of the specs plus every managed workflow on the engine, sorted by name.
    public var workflows: [WorkflowChange]
    /// Managed workflows no longer in the specs that stay because `--prune` was not given.
    public var pruneCandidates: [String]

    public init(environment: String, project: String, projectExists: Bool, commit: String, prune: Bool,
                workflows: [WorkflowChange], pruneCandidates: [String]) {
        self.formatVersion = Self.currentFormatVersion
        self.environment = environment
        self.project = project
        self.projectExists = projectExists
        self.commit = commit
        self.prune = prune
        self.workflows = workflows
        self.pruneCandidates = pruneCandidates
    }

    public var hasChanges: Bool { !projectExists || workflows.contains { $0.action != .noOp } }

    public var summary: PlanSummary {
        PlanSummary(
            create: workflows.filter { $0.action == .create }.map(\.name),
            update: workflows.filter { $0.action == .update }.map(\.name),
            delete: workflows.filter { $0.action == .delete }.map(\.name),
            unchanged: workflows.filter { $0.action == .noOp }.count)
    }
}

/// Counts and names for the summary line; every delete is named.
public struct PlanSummary: Codable, Hashable, Sendable {
    public var create: [String]
    public var update: [String]
    public var delete: [String]
    public var unchanged: Int

    public var line: String {
        var text = "\(create.count) to create, \(update.count) to update, \(delete.count) to delete, \(unchanged) unchanged"
        if !delete.isEmpty { text += " (deletes: " + delete.joined(separator: ", ") + ")" }
        return text
    }
}

/// One workflow's planned change.
public struct WorkflowChange: Codable, Sendable {
    public var name: String
    public var sourcePath: String?
    public var action: Action
    /// The engine's code, nil when the workflow is to be created.
    public var engineCode: Int64?
    /// `EngineFingerprint` of the engine's copy the plan was computed against ("absent" when none).
    public var engineFingerprint: String
    /// Workflow-level fields (description, globalParams, timeout, executionType, marker).
    public var fields: [FieldDiff]
    public var tasks: [TaskChange]
    public var relations: RelationChanges
    public var schedule: ScheduleChange?
    /// The workflow's own ONLINE/OFFLINE change.
    public var release: ReleaseChange?
    /// The engine's copy was edited since dagforge deployed it (its hash no longer matches the marker).
    public var drifted: Bool
    /// The compiled workflow to deploy; nil for deletes.
    public var desired: CompiledWorkflow?

    /// True when the definition itself is rewritten (one PUT, or the create).
    public var definitionChanges: Bool {
        action == .create || !fields.isEmpty || !tasks.isEmpty || !relations.isEmpty
    }
}
