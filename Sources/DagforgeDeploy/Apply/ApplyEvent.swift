/// Progress of an apply, for the command line to render.
public enum ApplyEvent: Sendable, Hashable {
    case projectCreated(name: String, code: Int64)
    case workflowStarted(name: String, action: Action)
    /// One engine call done for a workflow, e.g. "taken offline", "updated", "schedule online".
    case step(workflow: String, detail: String)
    case workflowFinished(name: String, action: Action)
    case workflowFailed(name: String, error: String)
}

/// What an apply did.
public struct ApplyReport: Sendable, Hashable {
    public var created: [String]
    public var updated: [String]
    public var deleted: [String]
    /// Write calls sent to the engine (0 for an apply with nothing to do).
    public var writeCalls: Int
}

/// Why an apply stopped. Each workflow is left at its old or its new definition (one PUT each); running
/// apply again converges.
public enum ApplyError: Error, Sendable, CustomStringConvertible {
    /// A saved plan whose workflows changed on the engine since it was made.
    case engineChanged([String])
    /// The plan file is of another format version.
    case unsupportedPlanFormat(Int)
    /// Workflows whose DEPENDENT/SUB_PROCESS references form a cycle among workflows still to be created.
    case referenceCycle([String])
    /// Some workflows failed; `completed` were applied before the stop.
    case failed(failures: [String: String], completed: [String])

    public var description: String {
        switch self {
        case .engineChanged(let names):
            "the engine changed since the plan was made, for: \(names.joined(separator: ", "))\nhint: run `dagforge plan` again and review the new plan"
        case .unsupportedPlanFormat(let version):
            "the plan file has format version \(version); this dagforge reads version \(Plan.currentFormatVersion)\nhint: make the plan again with this dagforge"
        case .referenceCycle(let names):
            "workflows to be created refer to each other in a cycle: \(names.joined(separator: " → "))\nhint: apply one of them without the reference first"
        case .failed(let failures, let completed):
            "\(failures.count) workflow(s) failed (\(completed.count) applied):\n"
                + failures.sorted { $0.key < $1.key }.map { "- \($0.key): \($0.value)" }.joined(separator: "\n")
                + "\nhint: fix the cause and run apply again; finished workflows will show no changes"
        }
    }
}
