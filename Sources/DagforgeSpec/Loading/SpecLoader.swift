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

    /// Sources return files sorted by path, so a folder's files arrive together; grouping by runs of the same
    /// folder (merged by name afterwards, should a source not sort) avoids a dictionary update per file.
    init(files: [SpecFile]) {
        filesByPath = SpecFileIndex(files)
        var runs: [(name: Substring, files: [SpecFile])] = []
        for file in files {
            switch Self.place(of: file.path) {
            case .project: projectFile = file
            case .environment: environmentFiles.append(file)
            case .workflowFile(let folder):
                if runs.last?.name == folder { runs[runs.count - 1].files.append(file) } else { runs.append((folder, [file])) }
            case .strayTaskFile:
                diagnostics.append(Diagnostic(.warning, "DF104", "task file '\(file.path)' is not in a workflow folder and is ignored",
                                              hint: "Move it into workflows/<workflow>/.",
                                              at: SourceRange(path: file.path, start: .init(line: 1, column: 1))))
            case .other: break
            }
        }
        let folders = Dictionary(runs.map { (String($0.name), $0.files) }, uniquingKeysWith: +)
        workflowFolders = folders.keys.sorted().map { name in
            WorkflowFolder(name: name, path: "workflows/" + name, files: folders[name]!.sorted { $0.path < $1.path })
        }
    }

    private enum Place {
        case project, environment, workflowFile(folder: Substring), strayTaskFile, other
    }

    /// What a repository-relative path is, from its slashes (found on UTF-8 bytes: this runs per file).
    private static func place(of path: String) -> Place {
        if path == "dagforge.yaml" { return .project }
        let slash = UInt8(ascii: "/")
        guard let first = path.utf8.firstIndex(of: slash) else { return .other }
        let top = path[..<first]
        let rest = path[path.utf8.index(after: first)...]
        let second = rest.utf8.firstIndex(of: slash)
        switch top {
        case "environments" where second == nil && (path.hasSuffix(".yaml") || path.hasSuffix(".yml")):
            return .environment
        case "workflows":
            guard let second else { return isTaskFile(path) ? .strayTaskFile : .other }
            let folder = rest[..<second]
            let inFolder = rest[rest.utf8.index(after: second)...]
            return inFolder.utf8.contains(slash) ? .other : .workflowFile(folder: folder)
        default:
            return .other
        }
    }

    static func isTaskFile(_ path: String) -> Bool {
        path.hasSuffix(".sql") || path.hasSuffix(".sh") || path.hasSuffix(".py")
    }
}
