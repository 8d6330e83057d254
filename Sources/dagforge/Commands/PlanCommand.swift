import ArgumentParser
import DagforgeDeploy
import Foundation

/// `dagforge plan`: what apply would change on an environment's engine.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would create, update and delete on an environment's engine.",
        discussion: """
            Reads the engine's project in a handful of calls and compares it with the compiled specs. Exit codes: \
            0 success (with --detailed-exitcode: no changes), 1 error, 2 changes (with --detailed-exitcode). \
            --out saves the plan for `dagforge apply PLANFILE`.
            """
    )

    @OptionGroup var target: TargetOptions
    @Flag(help: "Delete managed workflows that are no longer in the specs.")
    var prune = false
    @Option(help: "Output format: \(PlanFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: PlanFormat = .text
    @Flag(help: "Exit with 2 when there are changes, 0 when there are none.")
    var detailedExitcode = false
    @Option(help: "Save the plan to this file (JSON), for `dagforge apply FILE`.")
    var out: String?

    func run() async throws {
        let (target, prefetch) = try target.targetReadingEngine()
        let plan = try await reportingFailures(of: target) {
            try target.plan(against: try await prefetch.snapshot(for: target), prune: prune)
        }
        ProcessLifetime.keepUntilExit((target, plan))
        let rendered = try format.render(plan, color: format == .text && Terminal.colorsStandardOutput)
        print(target.redacting(rendered), terminator: "")
        if let out {
            try await reportingFailures(of: target) {
                try Data(target.redacting(try PlanJSONRenderer.render(plan)).utf8).write(to: URL(fileURLWithPath: out))
            }
        }
        if detailedExitcode, plan.hasChanges { throw ExitCode(2) }
    }
}
