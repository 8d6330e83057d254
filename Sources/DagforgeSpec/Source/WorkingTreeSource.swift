import Foundation

/// Reads specs from a folder on disk: a git checkout (then `revision` carries HEAD and a dirty flag) or a
/// plain folder.
public struct WorkingTreeSource: SpecSource {
    /// Absolute path of the spec root (the folder holding `workflows/`).
    public let root: String
    /// The git status behind `revision` runs in the background while the files are read.
    private let status: BackgroundResult<SourceRevision, SpecSourceError>

    public init(root: String) throws(SpecSourceError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(path: root)
        }
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = absolute
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

    public func specFiles() throws(SpecSourceError) -> [SpecFile] {
        var paths: [String] = []
        let manager = FileManager.default
        if manager.fileExists(atPath: root + "/dagforge.yaml") { paths.append("dagforge.yaml") }
        for folder in ["environments", "workflows"] {
            collectFiles(in: folder, into: &paths)
        }
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

    /// Regular files under `folder` (relative to the root), skipping hidden names as git checkouts do. Reads
    /// directory entries with their types, so 40,000 files need no `stat` each.
    private func collectFiles(in folder: String, into paths: inout [String]) {
        guard let directory = opendir(root + "/" + folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): collectFiles(in: path, into: &paths)
            case Int32(DT_REG): paths.append(path)
            default: collectEntry(path, into: &paths)
            }
        }
    }

    /// A symbolic link or an entry whose type the file system does not report: follow it as `stat` does.
    private func collectEntry(_ path: String, into paths: inout [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            collectFiles(in: path, into: &paths)
        } else {
            paths.append(path)
        }
    }
}
