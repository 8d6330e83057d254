import ArgumentParser
import DagforgeCompiler

/// `dagforge graph`: the task graph with each edge labelled declared or inferred.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the dependency graph (mermaid, dot or json); edges are labelled declared or inferred."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case mermaid, dot, json }

    @OptionGroup var repository: RepoOptions
    @Option(help: "Only this workflow and the tasks of other workflows it is connected to.")
    var workflow: String?
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .mermaid

    func run() throws {
        let loaded = try repository.load()
        if let workflow, loaded.workflow(named: workflow) == nil {
            DiagnosticPrinter.printFailure("no workflow named '\(workflow)'")
            throw ExitCode.failure
        }
        let document = GraphDocument(Compiler(repository: loaded).dependencies, workflow: workflow)
        switch format {
        case .mermaid: print(document.mermaid)
        case .dot: print(document.dot)
        case .json: print(try document.json())
        }
    }
}
