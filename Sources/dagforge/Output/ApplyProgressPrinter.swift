import DagforgeDeploy
import Foundation

/// Prints apply progress as workflows finish: one line each, with a `[done/total]` counter and colour on a
/// terminal, plain lines when piped (logs, CI).
final class ApplyProgressPrinter: @unchecked Sendable {
    private let total: Int
    private let interactive: Bool
    private let lock = NSLock()
    private var done = 0

    init(total: Int, interactive: Bool) {
        self.total = total
        self.interactive = interactive
    }

    func handle(_ event: ApplyEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .projectCreated(let name, let code):
            emit("created project \(name) (code \(code))", tone: "32")
        case .workflowFinished(let name, let action):
            done += 1
            emit("\(Self.pastTense(action)) \(name)", tone: action == .delete ? "31" : action == .create ? "32" : "33")
        case .workflowFailed(let name, let error):
            done += 1
            emit("failed \(name): \(error)", tone: "31")
        case .workflowStarted, .step:
            break
        }
    }

    private func emit(_ text: String, tone: String) {
        let counter = interactive ? "[\(done)/\(total)] " : ""
        let line = interactive ? "\u{1B}[\(tone)m\(counter)\(text)\u{1B}[0m" : text
        Terminal.printNow(line)
    }

    static func pastTense(_ action: Action) -> String {
        switch action {
        case .create: "created"
        case .update: "updated"
        case .delete: "deleted"
        case .noOp: "unchanged"
        }
    }
}
