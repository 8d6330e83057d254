import ArgumentParser
import DagforgeCompiler
import DagforgeDeploy
import DagforgeSpec

extension ValidateCommand {
    /// `--online`: DF601-DF604 for every name the environment's engine lacks. An engine that cannot be
    /// reached or read ends the command (exit 1) with one line saying why; secrets never appear in it.
    func engineDiagnostics(compiler: Compiler, environment: String) async throws -> [Diagnostic] {
        let result = compiler.compile(environment: environment)
        guard result.environment != nil else { return [] }  // the unknown environment is already a DF402
        guard let configuration = OnlineCheck.configuration(for: result) else {
            DiagnosticPrinter.printFailure("environment '\(environment)' names no engine with a token or user and password; "
                                           + "--online needs `engine:` in environments/\(environment).yaml")
            throw ExitCode.failure
        }
        do {
            return try await OnlineCheck.diagnostics(for: result, client: DolphinClient(configuration: configuration))
        } catch {
            DiagnosticPrinter.printFailure(result.redacting("cannot read the engine of environment '\(environment)' "
                                                            + "at \(configuration.baseURL): \(error)"))
            throw ExitCode.failure
        }
    }
}
