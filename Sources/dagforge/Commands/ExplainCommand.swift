import ArgumentParser
import DagforgeCompiler
import DagforgeSpec
import Foundation

/// `dagforge explain WORKFLOW/TASK`: each upstream and downstream of a task and why the edge exists.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a task has each of its upstreams and downstreams (declared, or inferred from SQL lineage).",
        discussion: "A neighbour in another workflow is waited for through a DolphinScheduler DEPENDENT node."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var repository: RepoOptions
    @Option(help: "Output format: text or json.")
    var format: Format = .text
    @Argument(help: "The task, as WORKFLOW/TASK.")
    var task: String

    func validate() throws {
        guard task.split(separator: "/", omittingEmptySubsequences: false).count == 2,
              TaskAddress(parsing: task, relativeTo: "") != nil else {
            throw ValidationError("name the task as WORKFLOW/TASK, e.g. `dagforge explain pv_clean/clean_drugs`")
        }
    }

    func run() throws {
        let loaded = try repository.load()
        guard let address = TaskAddress(parsing: task, relativeTo: "") else { throw ExitCode.validationFailure }
        let compiler = Compiler(repository: loaded)
        guard let explanation = TaskExplanation(address, dependencies: compiler.dependencies, lineage: compiler.lineage) else {
            let known = loaded.workflows.flatMap { $0.tasks.map(\.address.description) }
            DiagnosticPrinter.printFailure("no task '\(task)'" + NameSuggestion.phrase(for: task, in: known))
            throw ExitCode.failure
        }
        switch format {
        case .text: print(Self.text(explanation), terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(explanation), as: UTF8.self))
        }
    }

    private static func text(_ explanation: TaskExplanation) -> String {
        var text = "\(explanation.task)\n"
        text += links("upstreams", explanation.upstreams)
        text += links("downstreams", explanation.downstreams)
        text += tables("reads", explanation.reads)
        text += tables("writes", explanation.writes)
        return text
    }

    private static func links(_ title: String, _ links: [TaskExplanation.Link]) -> String {
        guard !links.isEmpty else { return "\(title): none\n" }
        var text = "\(title):\n"
        for link in links {
            text += "  \(link.task)\(link.crossWorkflow ? "  [cross-workflow: DEPENDENT]" : "")\n"
            for reason in link.reasons { text += "    \(reason)\n" }
        }
        return text
    }

    private static func tables(_ title: String, _ tables: [TaskExplanation.Table]) -> String {
        guard !tables.isEmpty else { return "" }
        return "\(title):\n" + tables.map { "  \($0.name)  (\($0.at))\n" }.joined()
    }
}
