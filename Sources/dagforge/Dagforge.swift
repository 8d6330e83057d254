import ArgumentParser

@main
struct Dagforge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dagforge",
        abstract: "Compile workflow specs from git into DolphinScheduler DAGs, plan, deploy, and run them.",
        subcommands: [
            ValidateCommand.self,
            CompileCommand.self,
            GraphCommand.self,
            SchemaCommand.self,
            LineageCommand.self,
            ExplainCommand.self,
            EngineCommand.self,
            PlanCommand.self,
            ApplyCommand.self,
            StatusCommand.self,
            DiffCommand.self,
            PromoteCommand.self,
            ImportCommand.self,
            RunCommand.self,
        ]
    )

    static func main() async {
        HeapGrowth.useLargeSteps()
        await main(nil)
    }
}
