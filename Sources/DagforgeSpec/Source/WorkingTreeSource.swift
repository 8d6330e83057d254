import Foundation

/// Reads specs from a folder on disk: a git checkout (then `revision` carries HEAD and a dirty flag) or a
/// plain folder.
public struct WorkingTreeSource: SpecSource {
    /// Absolute path of the spec root (the folder holding `workflows/`).
    public var root: String { folder.root }
    private let folder: WorkingTreeFolder
    /// The git status behind `revision` runs in the background while the files are read.
    private let status: BackgroundResult<SourceRevision, SpecSourceError>

    public init(root: String) throws(SpecSourceError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(path: root)
        }
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        folder = WorkingTreeFolder(root: absolute)
        status = BackgroundResult { () throws(SpecSourceError) in try Self.revision(of: absolute) }
    }

    public var revision: SourceRevision {
        get throws(SpecSourceError) { try status.get() }
    }

    /// HEAD and whether any spec file differs from it, for the git checkout containing `root`.
    private static func revision(of root: String) throws(SpecSourceError) -> SourceRevision {
        guard let repository = try? GitRepository(discoveringFrom: root), let workdir = repository.workdir else {
            return SourceRevision(commit: nil, isDirty: false, requested: "working tree")
        }
        let prefix = SpecRoot.prefix(of: root, in: workdir)
        let specPaths = ["dagforge.yaml", "workflows", "environments"].map { prefix + $0 }
        let dirty = try repository.hasChanges(in: specPaths) { path in
            path.hasPrefix(prefix) && SpecFile.isSpecPath(String(path.dropFirst(prefix.count)))
        }
        return SourceRevision(commit: repository.headSHA(), isDirty: dirty, requested: "working tree")
    }

    public func specFiles() throws(SpecSourceError) -> [SpecFile] { try folder.specFiles() }
}

/// Reads spec files from a folder on disk (no git involved).
public struct WorkingTreeFolder: Sendable {
    /// Absolute path of the spec root.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public func specFiles() throws(SpecSourceError) -> [SpecFile] {
        var paths: [String] = []
        if FileManager.default.fileExists(atPath: root + "/dagforge.yaml") { paths.append("dagforge.yaml") }
        for folder in ["environments", "workflows"] {
            collectFiles(in: folder, into: &paths)
        }
        return try read(paths)
    }

    /// The spec files outside workflow folders (`dagforge.yaml`, environments, stray files in `workflows/`)
    /// and those of the named workflow folders only.
    public func specFiles(workflows names: Set<String>) throws(SpecSourceError) -> [SpecFile] {
        var paths: [String] = []
        if FileManager.default.fileExists(atPath: root + "/dagforge.yaml") { paths.append("dagforge.yaml") }
        collectFiles(in: "environments", into: &paths)
        for entry in entries(of: "workflows") {
            if !entry.isDirectory { paths.append("workflows/" + entry.name) } else if names.contains(entry.name) {
                collectFiles(in: "workflows/" + entry.name, into: &paths)
            }
        }
        let files = try read(paths)
        let outside = Set(files.flatMap(Self.filesReferenced)).subtracting(paths)
            .filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
        return outside.isEmpty ? files : (files + (try read(Array(outside)))).sorted { $0.path < $1.path }
    }

    /// The files a `workflow.yaml` names with `file:` (only parsed when the text has one).
    private static func filesReferenced(by file: SpecFile) -> [String] {
        guard file.path.hasSuffix("/workflow.yaml") || file.path.hasSuffix("/workflow.yml"),
              file.text.contains("file:") else { return [] }
        var context = DecodingContext(path: file.path)
        let folder = String(file.path[..<file.path.lastIndex(of: "/")!])
        return WorkflowFile.decode(YAMLDocument.parse(file.text, path: file.path).0, &context).tasks
            .compactMap { $0.file.flatMap { RepositoryPath.resolve($0.value, relativeTo: folder) } }
    }

    /// The workflow folders present in the working tree.
    public func workflowFolders() -> [String] {
        entries(of: "workflows").filter(\.isDirectory).map(\.name)
    }

    private func read(_ paths: [String]) throws(SpecSourceError) -> [SpecFile] {
        let root = self.root
        let files = paths.sorted().concurrentMap { path -> Result<SpecFile, SpecSourceError> in
            FileBytes.read(root + "/" + path)
                .map { SpecFile(path: path, contents: $0) }
                .mapError { .unreadable(path: path, reason: $0.description) }
        }
        var loaded: [SpecFile] = []
        loaded.reserveCapacity(files.count)
        for result in files { loaded.append(try result.get()) }
        return loaded
    }

    /// Regular files under `folder` (relative to the root), skipping hidden names as git checkouts do.
    private func collectFiles(in folder: String, into paths: inout [String]) {
        for entry in entries(of: folder) {
            let path = folder + "/" + entry.name
            if entry.isDirectory { collectFiles(in: path, into: &paths) } else { paths.append(path) }
        }
    }

    /// The visible entries of `folder`, read with their types, so 40,000 files need no `stat` each; a
    /// symbolic link or an entry whose type the file system does not report is followed as `stat` does.
    private func entries(of folder: String) -> [(name: String, isDirectory: Bool)] {
        guard let directory = opendir(root + "/" + folder) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            guard !name.hasPrefix(".") else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name, true))
            case Int32(DT_REG): entries.append((name, false))
            default:
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + "/" + folder + "/" + name, isDirectory: &isDirectory) else { continue }
                entries.append((name, isDirectory.boolValue))
            }
        }
        return entries
    }
}
