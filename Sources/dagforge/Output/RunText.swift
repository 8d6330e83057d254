import DagforgeDeploy
import DagforgeWire

/// Lines `run --wait` prints: one per finished task, then the outcome with failed tasks' log tails.
enum RunText {
    static func task(_ task: TaskInstance) -> String {
        let state = task.state?.rawValue ?? "UNKNOWN"
        return "  \(state.padding(toLength: 14, withPad: " ", startingAt: 0)) \(task.name)"
            + (task.duration.map { " (\($0))" } ?? "")
    }

    static func outcome(_ outcome: RunOutcome, workflow: String) -> String {
        var lines = ["\(workflow) finished: \(outcome.instance.state.rawValue)"
                     + (outcome.instance.duration.map { " in \($0)" } ?? "")]
        for failed in outcome.failedTasks {
            lines.append("")
            lines.append("--- log of failed task \(failed.name) (last lines) ---")
            lines.append(failed.logTail)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
