import DagforgeSpec
import DagforgeWire

/// One node of a compiled workflow before codes are assigned: a spec task, or a DEPENDENT node the
/// compiler adds in front of tasks with upstreams in other workflows.
enum ExportedTask {
    case task(RenderedTask)
    /// Waits for `target` (a task of another workflow) to succeed.
    case wait(target: TaskAddress)

    var name: String {
        switch self {
        case .task(let task): task.spec.name
        case .wait(let target): Self.waitName(for: target)
        }
    }

    /// `wait.<workflow>.<task>`: dots cannot clash with file-derived task names in practice, and the name says
    /// what the node waits for.
    static func waitName(for target: TaskAddress) -> String { "wait.\(target.workflow).\(target.task)" }
}
