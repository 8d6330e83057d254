import ArgumentParser
import DagforgeCompiler
import DagforgeSpec
import Foundation

/// `dagforge validate`: load, resolve and check everything, for every environment or one, and write the
/// report in the format CI asks for.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every spec: YAML, headers, dependencies, cycles, schedules, templates and environments.",
        discussion: """
        Exit status: 0 when there is no error (warnings allowed), 1 when there is at least one error (or, \
        with --strict, at least one warning) or the repository cannot be read. The format never changes the \
        exit status. No engine is needed, except with --online.
        """
    )

    /// Reported as the tool version in JSON and SARIF.
    static let toolVersion = "0.1.0"

    @OptionGroup var repository: RepoOptions
    @OptionGroup var scope: ValidationScopeOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("changed-since"), help: ArgumentHelp(
        "Check only the workflows whose files changed since this git revision, and everything downstream of them.",
        discussion: "Staged, unstaged and untracked changes count. The report adds the impact: workflows, tasks and tables.",
        valueName: "rev"))
    var changedSince: String?

    @Flag(help: "Also check that the datasources, worker groups, tenants and environments the specs use exist on the --env environment's engine (reads only).")
    var online = false

    func validate() throws {
        if changedSince != nil, repository.rev != nil {
            throw ValidationError("--changed-since compares a revision with the checkout; it cannot be combined with --rev")
        }
        if online, scope.environment == nil {
            throw ValidationError("--online checks one environment's engine: add --env NAME")
        }
    }

    func run() async throws {
        if let changedSince, !online, let check = try checkIncrementally(since: changedSince) {
            report(check.check.diagnostics, repository: check.check.repository, impact: check.check.impact, files: check.files)
        }
        let (files, revision) = try readSpecFiles()
        let loaded = SpecLoader.load(files: files, revision: revision)
        let compiler = Compiler(repository: loaded)
        let impact = try changedSince.map { compiler.impact(ofChangedFiles: try changedFiles(since: $0)) }
        var diagnostics = impact.map { compiler.validate($0, environments: scope.selectedEnvironments) }
            ?? compiler.validate(environments: scope.selectedEnvironments)
        if online, let environment = scope.environment {
            let missing = try await engineDiagnostics(compiler: compiler, environment: environment)
            diagnostics = (diagnostics + missing.filter { impact?.covers($0) ?? true }).sortedForDisplay()
        }
        // The compiler is kept alive to the exit, which leaves freeing it to the OS.
        withExtendedLifetime(compiler) { report(diagnostics, repository: loaded, impact: impact, files: files) }
    }

    /// Prints the report and ends the process, leaving the loaded repository, its graph and renders to the
    /// OS: at 40,000 tasks freeing them piece by piece takes longer than the checks after loading (exit
    /// flushes stdout).
    private func report(_ diagnostics: [Diagnostic], repository loaded: LoadedRepository, impact: ChangeImpact?,
                        files: [SpecFile]) -> Never {
        var report = DiagnosticReport(
            diagnostics: diagnostics.attributed(to: loaded),
            checkedWorkflows: Dictionary(uniqueKeysWithValues: loaded.workflows.map { ($0.name, $0.tasks.map(\.name)) }),
            toolVersion: Self.toolVersion
        )
        if let impact, let changedSince { report.restrict(to: impact, since: changedSince) }
        print(report.rendered(as: output.format, options: renderOptions(files)), terminator: "")
        let failed = report.diagnostics.hasErrors || (scope.strict && report.diagnostics.hasWarnings)
        Foundation.exit(failed ? ExitCode.failure.rawValue : ExitCode.success.rawValue)
    }

    /// Every spec file of `--repo` / `--rev`, kept (not only loaded) so the text format can quote source lines.
    private func readSpecFiles() throws -> (files: [SpecFile], revision: SourceRevision) {
        do {
            let source = try SpecRoot.open(repository: repository.repo, revision: repository.rev)
            return (try source.specFiles(), try source.revision)
        } catch {
            DiagnosticPrinter.printFailure(error.description)
            throw ExitCode.failure
        }
    }

    private func changedFiles(since revision: String) throws -> Set<String> {
        do {
            return try ChangedFiles.since(revision, root: repository.repo)
        } catch {
            DiagnosticPrinter.printFailure(error.description)
            throw ExitCode.failure
        }
    }

    /// Source lines are decoded and split only for the files a diagnostic points into.
    private func renderOptions(_ files: [SpecFile]) -> DiagnosticRenderOptions {
        let filesByPath = SpecFileIndex(files)
        return DiagnosticRenderOptions(color: output.usesColor, strict: scope.strict) { path in
            filesByPath[path].map { $0.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }
        }
    }
}
