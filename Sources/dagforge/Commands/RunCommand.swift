import ArgumentParser
import DagforgeDeploy
import Foundation

/// `dagforge run`: start a workflow on an environment's engine, optionally following it to the end.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a run of a deployed workflow; with --wait, follow it and print each task as it finishes.",
        discussion: "With --wait, exits 0 when the run succeeds and 1 otherwise, printing the failed tasks' log tails."
    )

    @OptionGroup var target: TargetOptions
    @Argument(help: "The workflow to run.")
    var workflow: String
    @Flag(help: "Follow the run to a final state.")
    var wait = false

    func run() async throws {
        let target = try target.target()
        let succeeded = try await reportingFailures(of: target) {
            let snapshot = try await target.snapshot()
            guard let project = snapshot.project,
                  let dag = snapshot.deployed.first(where: { $0.summary.name == workflow })?.summary
            else { throw RunError.unknownWorkflow(workflow, project: target.project) }
            let follower = RunFollower(client: target.client, project: project.code)
            let instance = try await follower.start(definitionCode: dag.code,
                                                    tenantCode: target.settings.tenant ?? "default",
                                                    workerGroup: target.settings.workerGroup ?? "default")
            print("Started \(workflow): instance \(instance.id) (\(instance.name))")
            guard wait else { return true }
            let outcome = try await follower.follow(instanceId: instance.id) { task in
                Terminal.printNow(RunText.task(task))
            }
            print(target.redacting(RunText.outcome(outcome, workflow: workflow)), terminator: "")
            return outcome.succeeded
        }
        if !succeeded { throw ExitCode.failure }
    }
}
