import ArgumentParser
import DagforgeSpec

/// `--repo` and `--rev`: which spec repository to read, and from which revision.
struct RepoOptions: ParsableArguments {
    @Option(help: "Spec repository folder (default: the enclosing git checkout, else the current folder).")
    var repo: String?

    @Option(help: "Read specs from this git revision (branch, tag, SHA, HEAD~N) instead of the working tree.")
    var rev: String?

    /// Loads the repository; an unreadable source is reported and ends the command with exit code 1.
    func load() throws -> LoadedRepository {
        do {
            return try SpecLoader.load(from: SpecRoot.open(repository: repo, revision: rev))
        } catch {
            DiagnosticPrinter.printFailure(error.description)
            throw ExitCode.failure
        }
    }
}
