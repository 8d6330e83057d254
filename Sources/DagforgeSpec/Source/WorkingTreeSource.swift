import Foundation

/// Reads specs from a folder on disk: a git checkout (then `revision` carries HEAD and a dirty flag) or a
/// plain folder.
public struct WorkingTreeSource: SpecSource {
    /// Absolute path of the spec root (the folder holding `workflows/`).
    public let root: String
    public let revision: SourceRevision

    public init(root: String) throws(SpecSourceError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(path: root)
        }
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = absolute
        if let repository = try? GitRepository(discoveringFrom: absolute), let workdir = repository.workdir {
            let prefix = SpecRoot.prefix(of: absolute, in: workdir)
            let specPaths = ["dagforge.yaml", "workflows", "environments"].map { prefix + $0 }
            let dirty = try repository.hasChanges(in: specPaths) { path in
                path.hasPrefix(prefix) && SpecFile.isSpecPath(String(path.dropFirst(prefix.count)))
            }
            revision = SourceRevision(commit: repository.headSHA(), isDirty: dirty, requested: "working tree")
        } else {
            revision = SourceRevision(commit: nil, isDirty: false, requested: "working tree")
        }
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
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
                return .failure(.unreadable(path: path, reason: "the file could not be read"))
            }
            return .success(SpecFile(path: path, contents: Array(data)))
        }
        var loaded: [SpecFile] = []
        loaded.reserveCapacity(files.count)
        for result in files { loaded.append(try result.get()) }
        return loaded
    }

    /// Regular files under `folder` (relative to the root), skipping hidden names as git checkouts do.
    private func collectFiles(in folder: String, into paths: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collectFiles(in: path, into: &paths)
            } else {
                paths.append(path)
            }
        }
    }
}
