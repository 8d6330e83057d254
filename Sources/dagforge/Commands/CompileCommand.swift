import ArgumentParser
import DagforgeCompiler
import DagforgeWire
import Foundation

/// `dagforge compile`: the engine-ready DolphinScheduler definitions for one environment.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Print the DolphinScheduler process definitions (and schedules) the specs compile to for one environment.",
        discussion: "Task codes are placeholders 1…n; `bindings` list the values the deployer fills in. Secrets print as ***."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var repository: RepoOptions
    @OptionGroup var environment: EnvironmentOptions
    @Option(help: "Only this workflow.")
    var workflow: String?
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .json

    func run() throws {
        let loaded = try repository.load()
        let result = Compiler(repository: loaded).compile(environment: try environment.resolved(in: loaded))
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        guard !result.hasErrors else { throw ExitCode.failure }
        let selected = result.workflows.filter { workflow == nil || $0.name == workflow }
        if let workflow, selected.isEmpty {
            DiagnosticPrinter.printFailure("no workflow named '\(workflow)'")
            throw ExitCode.failure
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(result.redacting(String(decoding: try encoder.encode(selected), as: UTF8.self)))
    }
}
