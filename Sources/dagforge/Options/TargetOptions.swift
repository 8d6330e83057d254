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

    /// `target()`, with the engine's state read while the workflows compile (`prefetch.snapshot(for:)`); with
    /// `--env` on the working tree, from the environment file alone while the specs load.
    func targetReadingEngine() throws -> (target: DeployTarget, prefetch: SnapshotPrefetch) {
        let root = SpecRoot.resolve(repository.repo)
        let cacheDirectory = DagSummaryCache.directory(repositoryRoot: root)
        let early = repository.rev == nil ? environment.environment.map {
            SnapshotPrefetch(workingTree: root, environment: $0, cacheDirectory: cacheDirectory)
        } : nil
        let loaded = try repository.load()
        let name = try environment.resolved(in: loaded)
        let prefetch = early ?? SnapshotPrefetch(repository: loaded, environment: name, cacheDirectory: cacheDirectory)
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
