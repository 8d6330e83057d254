import ArgumentParser
import DagforgeDeploy

/// `dagforge diff A B`: two environments side by side.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two environments: which commit runs where, and what differs beyond their mappings.",
        discussion: "Datasource, environment and workflow codes, worker groups and schedules are each environment's own and not compared."
    )

    @OptionGroup var repository: RepoOptions
    @Argument(help: "The first environment.")
    var first: String
    @Argument(help: "The second environment.")
    var second: String

    func run() async throws {
        let loaded = try repository.load()
        let a = try TargetOptions.target(loaded, environment: first)
        let b = try TargetOptions.target(loaded, environment: second)
        let snapshotA = try await reportingFailures(of: a) { try await a.snapshot() }
        let snapshotB = try await reportingFailures(of: b) { try await b.snapshot() }
        let diff = EnvironmentDiff(.init(name: a.environment, compiled: a.workflows, snapshot: snapshotA),
                                   .init(name: b.environment, compiled: b.workflows, snapshot: snapshotB))
        print(b.redacting(a.redacting(EnvironmentDiffText.render(diff))), terminator: "")
    }
}
