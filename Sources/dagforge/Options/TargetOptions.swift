import ArgumentParser
import DagforgeCompiler
import DagforgeDeploy
import DagforgeSpec

/// `--repo`, `--rev` and `--env` for commands that talk to an environment's engine.
struct TargetOptions: ParsableArguments {
    @OptionGroup var repository: RepoOptions
    @OptionGroup var environment: EnvironmentOptions

    /// Loads and compiles the specs for the chosen environment. Diagnostics go to standard error; errors in
    /// the specs, or an environment without engine, end the command with exit code 1.
    func target() throws -> DeployTarget {
        let loaded = try repository.load()
        return try Self.target(loaded, environment: try environment.resolved(in: loaded))
    }

    /// `target()`, with the engine's state read while the workflows compile (`prefetch.snapshot(for:)`).
    func targetReadingEngine() throws -> (target: DeployTarget, prefetch: SnapshotPrefetch) {
        let loaded = try repository.load()
        let name = try environment.resolved(in: loaded)
        let prefetch = SnapshotPrefetch(repository: loaded, environment: name,
                                        cacheDirectory: DagSummaryCache.directory(repositoryRoot: SpecRoot.resolve(repository.repo)))
        return (try Self.target(loaded, environment: name), prefetch)
    }

    static func target(_ loaded: LoadedRepository, environment: String) throws -> DeployTarget {
        let compiler = Compiler(repository: loaded)
        let compilation = compiler.compile(environment: environment)
        ProcessLifetime.keepUntilExit((compiler, compilation))
        DiagnosticPrinter.printToStandardError(compilation.diagnostics.map { $0.redacted(by: compilation) })
        do {
            return try DeployTarget(compilation: compilation, revision: loaded.revision)
        } catch {
            DiagnosticPrinter.printFailure(compilation.redacting(error.description))
            throw ExitCode.failure
        }
    }
}

private extension Diagnostic {
    func redacted(by compilation: CompilationResult) -> Diagnostic {
        var copy = self
        copy.message = compilation.redacting(message)
        return copy
    }
}
