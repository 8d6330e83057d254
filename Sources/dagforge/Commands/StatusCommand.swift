import ArgumentParser
import DagforgeDeploy

/// `dagforge status`: which commit each workflow runs on an environment, and what drifted.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Per workflow: the deployed commit, whether it matches the checkout, and drift.",
        discussion: "Drift means the workflow was edited on the engine since dagforge deployed it."
    )

    @OptionGroup var target: TargetOptions

    func run() async throws {
        let (target, prefetch) = try target.targetReadingEngine()
        let status = try await reportingFailures(of: target) {
            let snapshot = try await prefetch.snapshot(for: target)
            return DeploymentStatus(plan: try target.plan(against: snapshot, prune: false), snapshot: snapshot)
        }
        print(target.redacting(StatusText.render(status, checkoutCommit: target.commit)), terminator: "")
    }
}
