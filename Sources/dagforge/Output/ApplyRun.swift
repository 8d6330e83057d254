import DagforgeDeploy
import Foundation

/// The terminal side of applying a plan, shared by `apply` and `promote`: progress while it runs and the
/// closing summary.
enum ApplyRun {
    static func execute(_ plan: Plan, on target: DeployTarget, snapshot: EngineSnapshot, parallelism: Int) async throws {
        let progress = ApplyProgressPrinter(total: plan.workflows.filter { $0.action != .noOp }.count,
                                            interactive: Terminal.standardOutputIsTerminal)
        let report = try await Applier(client: target.client, parallelism: parallelism)
            .apply(plan, snapshot: snapshot, progress: progress.handle)
        print("Apply complete: \(report.created.count) created, \(report.updated.count) updated, "
              + "\(report.deleted.count) deleted (\(report.writeCalls) engine writes).")
    }
}
