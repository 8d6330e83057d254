/// A task by workflow and name, printed `workflow/task`: the key of graph nodes and the form users write
/// for cross-workflow upstreams.
public struct TaskAddress: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var workflow: String
    public var task: String

    public init(workflow: String, task: String) {
        self.workflow = workflow
        self.task = task
    }

    /// Parses `task` (relative to `workflow`) or `workflow/task`; nil for malformed text such as `a/` or `a/b/c`.
    public init?(parsing text: String, relativeTo workflow: String) {
        // Most references name a task of the same workflow: no splitting, no new strings.
        if !text.isEmpty, !text.utf8.contains(UInt8(ascii: "/")) {
            self.init(workflow: workflow, task: text)
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where !text.isEmpty: self.init(workflow: workflow, task: text)
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty: self.init(workflow: String(parts[0]), task: String(parts[1]))
        default: return nil
        }
    }

    public var description: String { "\(workflow)/\(task)" }

    public static func < (lhs: TaskAddress, rhs: TaskAddress) -> Bool {
        (lhs.workflow, lhs.task) < (rhs.workflow, rhs.task)
    }
}
