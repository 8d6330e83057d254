import ArgumentParser
import DagforgeEngineOptions
import Foundation

/// `dagforge engine`: checks the options, then replaces this process with the engine's own executable
/// `dagforge-engine` (installed next to `dagforge`), so the pid, signals and exit status are the engine's.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine", abstract: EngineOptions.abstract, discussion: EngineOptions.discussion)

    @OptionGroup var options: EngineOptions

    func run() throws {
        let engine = try EngineExecutable.locate()
        try EngineExecutable.replaceProcess(with: engine, arguments: options.arguments)
    }
}
