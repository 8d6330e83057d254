import ArgumentParser
import DagforgeDeploy

/// Runs the engine-facing part of a command: any error (unreachable engine, API error, refused plan) is
/// printed as one `error:` message with its hint, secrets masked, and ends the command with exit code 1.
func reportingFailures<T>(of target: DeployTarget, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        DiagnosticPrinter.printFailure(target.redacting(String(describing: error)))
        throw ExitCode.failure
    }
}
