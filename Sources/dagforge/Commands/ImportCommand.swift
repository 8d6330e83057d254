import ArgumentParser
import DagforgeDeploy
import DagforgeSpec
import Foundation

/// `dagforge import`: spec folders from the workflows already on an environment's engine.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write spec folders (SQL and script files with headers, workflow.yaml) from an engine's workflows.",
        discussion: "A plan against the same environment right after the import shows no changes. Existing files are never overwritten."
    )

    @OptionGroup var target: TargetOptions
    @Option(parsing: .singleValue, help: "Only this workflow (repeatable).")
    var workflow: [String] = []
    @Option(help: "Folder to write workflows/ into (default: the spec repository).")
    var out: String?

    func run() async throws {
        let target = try target.target()
        let root = URL(fileURLWithPath: out ?? SpecRoot.resolve(self.target.repository.repo))
        try await reportingFailures(of: target) {
            let snapshot = try await target.snapshot()
            guard snapshot.project != nil else { throw ImportCommandError.noProject(target.project) }
            let logical = Dictionary(target.settings.datasources.map { ($0.value.name.value, $0.key) }, uniquingKeysWith: { a, _ in a })
            let importer = SpecImporter(snapshot: snapshot, logicalDataSources: logical,
                                        defaultWorkerGroup: target.settings.workerGroup ?? "default")
            let files = try importer.files(workflows: workflow.isEmpty ? nil : workflow)
            try ImportedFile.write(files, under: root)
            let folders = Set(files.map { $0.path.split(separator: "/").prefix(2).joined(separator: "/") })
            print("Imported \(folders.count) workflows (\(files.count) files) into \(root.path)")
        }
    }
}

enum ImportCommandError: Error, CustomStringConvertible {
    case noProject(String)

    var description: String {
        switch self {
        case .noProject(let project): "the engine has no project \(project)\nhint: check `project:` in the environment file"
        }
    }
}
