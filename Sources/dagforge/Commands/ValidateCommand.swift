import ArgumentParser
import DagforgeCompiler
import DagforgeSpec

/// `dagforge validate`: load, resolve and check everything, for every environment or one.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every spec: YAML, headers, dependencies, cycles, schedules, templates and environments.",
        discussion: "Exits 1 when there is any error (and with --strict on any warning), 0 otherwise. No engine is needed."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text }

    @OptionGroup var repository: RepoOptions
    @OptionGroup var scope: ValidationScopeOptions
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    func run() throws {
        let loaded = try repository.load()
        let diagnostics = Compiler(repository: loaded).validate(environments: scope.selectedEnvironments)
        if !diagnostics.isEmpty { print(DiagnosticPrinter.text(diagnostics)) }
        print("\(DiagnosticPrinter.summary(diagnostics)) in \(loaded.workflows.count) workflows, "
              + "\(loaded.workflows.reduce(0) { $0 + $1.tasks.count }) tasks, \(loaded.environments.count) environments")
        if diagnostics.hasErrors || (scope.strict && diagnostics.hasWarnings) { throw ExitCode.failure }
    }
}
