import ArgumentParser
import DagforgeDeploy
import Foundation

/// `dagforge apply`: make an environment's engine match the specs (or a saved plan).
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create, update (and with --prune delete) workflows on an environment's engine.",
        discussion: """
            Shows the plan, then carries it out. Deletes (--prune) are confirmed unless --yes. With PLANFILE \
            (from `dagforge plan --out`), applies that plan, and refuses it when the engine or the specs changed \
            since. Refuses to start when the specs have errors. Running apply again after a failure converges.
            """
    )

    @OptionGroup var target: TargetOptions
    @Flag(help: "Delete managed workflows that are no longer in the specs.")
    var prune = false
    @Flag(help: "Do not ask before deleting.")
    var yes = false
    @Option(help: "Workflows written at once.")
    var parallelism = 8
    @Argument(help: "A plan saved by `dagforge plan --out`.")
    var planFile: String?

    func run() async throws {
        let (target, prefetch) = try target.targetReadingEngine()
        try await reportingFailures(of: target) {
            let snapshot = try await prefetch.snapshot(for: target)
            let plan = try planFile.map { try target.restoring(PlanJSONRenderer.read(String(contentsOfFile: $0, encoding: .utf8))) }
                ?? target.plan(against: snapshot, prune: prune)
            print(target.redacting(PlanTextRenderer(color: Terminal.colorsStandardOutput).render(plan)))
            guard plan.hasChanges else { return }
            let deletes = plan.summary.delete
            if !deletes.isEmpty, !yes,
               !Terminal.confirm("Delete \(deletes.count) workflow(s) from \(plan.project): \(deletes.joined(separator: ", "))?") {
                DiagnosticPrinter.printFailure("apply cancelled; nothing was changed")
                throw ExitCode.failure
            }
            try await ApplyRun.execute(plan, on: target, snapshot: snapshot, parallelism: parallelism)
        }
    }
}
