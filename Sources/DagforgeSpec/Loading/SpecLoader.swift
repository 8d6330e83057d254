/// Reads a whole spec repository: `dagforge.yaml`, every environment and every workflow folder, parsing
/// files on all cores. User mistakes become diagnostics; only a failing source throws.
public enum SpecLoader {
    public static func load(from source: any SpecSource) throws(SpecSourceError) -> LoadedRepository {
        load(files: try source.specFiles(), revision: try source.revision)
    }

    public static func load(files: [SpecFile], revision: SourceRevision) -> LoadedRepository {
        let layout = RepositoryLayout(files: files)
        var diagnostics = layout.diagnostics

        var project = ProjectSettings()
        if let file = layout.projectFile {
            var context = DecodingContext(path: file.path)
            let (node, syntax) = YAMLDocument.parse(file.text, path: file.path)
            context.diagnostics += syntax
            if let node { ProjectSettings.decoder.decode(node, into: &project, &context, where: "dagforge.yaml") }
            diagnostics += context.diagnostics
        }

        let environments = layout.environmentFiles.concurrentMap { loadEnvironment($0) }
        let filesByPath = layout.filesByPath
        let workflows = layout.workflowFolders.concurrentMap { folder in
            WorkflowAssembler(folder: folder, files: filesByPath).assemble()
        }
        diagnostics += environments.flatMap(\.1) + workflows.flatMap(\.1)
        return LoadedRepository(revision: revision, project: project, workflows: workflows.map(\.0),
                                environments: environments.map(\.0), diagnostics: diagnostics)
    }

    private static func loadEnvironment(_ file: SpecFile) -> (EnvironmentSpec, [Diagnostic]) {
        let name = String(file.path.dropFirst("environments/".count).split(separator: ".").first ?? "")
        var context = DecodingContext(path: file.path)
        let (node, syntax) = YAMLDocument.parse(file.text, path: file.path)
        context.diagnostics += syntax
        let spec = EnvironmentSpec.decode(node, name: name, path: file.path, &context)
        return (spec, context.diagnostics)
    }
}

/// Which files are what: the project file, environment files, and workflow folders with their files.
struct RepositoryLayout {
    struct WorkflowFolder: Sendable {
        var name: String
        var path: String
        /// Files directly in the folder, sorted by path.
        var files: [SpecFile]
    }

    var projectFile: SpecFile?
    var environmentFiles: [SpecFile] = []
    var workflowFolders: [WorkflowFolder] = []
    let filesByPath: SpecFileIndex
    var diagnostics: [Diagnostic] = []

    init(files: [SpecFile]) {
        filesByPath = SpecFileIndex(files)
        var folders: [String: [SpecFile]] = [:]
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            if file.path == "dagforge.yaml" {
                projectFile = file
            } else if parts.first == "environments", parts.count == 2, file.path.hasSuffix(".yaml") || file.path.hasSuffix(".yml") {
                environmentFiles.append(file)
            } else if parts.first == "workflows", parts.count == 3 {
                folders[String(parts[1]), default: []].append(file)
            } else if parts.first == "workflows", parts.count == 2, Self.isTaskFile(file.path) {
                diagnostics.append(Diagnostic(.warning, "DF104", "task file '\(file.path)' is not in a workflow folder and is ignored",
                                              hint: "Move it into workflows/<workflow>/.",
                                              at: SourceRange(path: file.path, start: .init(line: 1, column: 1))))
            }
        }
        workflowFolders = folders.keys.sorted().map { name in
            WorkflowFolder(name: name, path: "workflows/" + name, files: folders[name]!.sorted { $0.path < $1.path })
        }
    }

    static func isTaskFile(_ path: String) -> Bool {
        path.hasSuffix(".sql") || path.hasSuffix(".sh") || path.hasSuffix(".py")
    }
}
