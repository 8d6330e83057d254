import ArgumentParser
import DagforgeSpec

/// `--env`: the environment to render for.
struct EnvironmentOptions: ParsableArguments {
    @Option(name: .customLong("env"), help: "Environment name (a file environments/NAME.yaml).")
    var environment: String?

    /// `--env`, else dagforge.yaml's `default_environment`, else the only environment there is.
    func resolved(in repository: LoadedRepository) throws -> String {
        if let environment { return environment }
        if let fallback = repository.project.defaultEnvironment?.value { return fallback }
        if repository.environments.count == 1 { return repository.environments[0].name }
        DiagnosticPrinter.printFailure("choose an environment with --env (one of: \(repository.environments.map(\.name).joined(separator: ", ")))")
        throw ExitCode.failure
    }
}
