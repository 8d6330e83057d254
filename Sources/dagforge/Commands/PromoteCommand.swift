import ArgumentParser
import DagforgeDeploy
import DagforgeSpec

/// `dagforge promote --from A --to B`: deploy to B the commit A runs, with B's settings from the checkout.
struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Deploy to one environment the commit another runs (e.g. uat → prod).",
        discussion: """
            Reads the commit deployed in --from from the engine's markers, compiles that revision through \
            libgit2 (no checkout) with --to's environment file from the current checkout, shows the plan and \
            applies it after asking (unless --yes). Refuses when --from has drift or runs a mix of commits that \
            no single commit explains, unless --force.
            """
    )

    @OptionGroup var repository: RepoOptions
    @Option(help: "The environment to promote from.")
    var from: String
    @Option(help: "The environment to deploy to.")
    var to: String
    @Flag(help: "Apply without asking.")
    var yes = false
    @Flag(help: "Promote even when the source has drift or runs a mix of commits.")
    var force = false
    @Option(help: "Workflows written at once.")
    var parallelism = 8

    func run() async throws {
        let current = try repository.load()
        let source = try TargetOptions.target(current, environment: from)
        let commit = try await reportingFailures(of: source) {
            try Promotion(source: from, force: force).sourceCommit(snapshot: try await source.snapshot(), load: load)
        }
        print("\(from) runs commit \(commit)")
        let promoted = Promotion.repository(try await reportingFailures(of: source) { try load(commit) },
                                            environmentsFrom: current)
        let target = try TargetOptions.target(promoted, environment: to)
        try await reportingFailures(of: target) {
            let snapshot = try await target.snapshot()
            let plan = try target.plan(against: snapshot, prune: false)
            print(target.redacting(PlanTextRenderer(color: Terminal.colorsStandardOutput).render(plan)))
            guard plan.hasChanges else { return }
            guard yes || Terminal.confirm("Apply this plan to \(to)?") else {
                DiagnosticPrinter.printFailure("promote cancelled; nothing was changed")
                throw ExitCode.failure
            }
            try await ApplyRun.execute(plan, on: target, snapshot: snapshot, parallelism: parallelism)
        }
    }

    /// The repository at `commit`, read through libgit2.
    private func load(_ commit: String) throws -> LoadedRepository {
        try SpecLoader.load(from: SpecRoot.open(repository: repository.repo, revision: commit))
    }
}
