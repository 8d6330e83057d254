import CGit2
import Foundation

/// Reads specs from a git revision through libgit2, without touching the working tree or the index.
public struct GitRevisionSource: SpecSource {
    public let revision: SourceRevision
    private let gitdir: String
    /// The spec root inside the repository, `""` or `sub/folder/`.
    private let prefix: String

    /// - Parameters:
    ///   - root: The spec root folder (inside a git checkout, or a bare repository).
    ///   - revision: Anything `git rev-parse` accepts: `main`, `HEAD~3`, a tag, a full or short SHA.
    public init(root: String, revision requested: String) throws(SpecSourceError) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        let repository = try GitRepository(discoveringFrom: absolute)
        let commit = try repository.commit(requested)
        gitdir = repository.gitdir
        prefix = repository.workdir.map { SpecRoot.prefix(of: absolute, in: $0) } ?? ""
        revision = SourceRevision(commit: commit.sha, isDirty: false, requested: requested)
    }

    /// `dagforge.yaml`, `environments/` and the files directly in `workflows/` are listed and read first;
    /// then each workflow folder's tree is listed and read on all cores, a run of folders per repository
    /// handle (libgit2 handles are not shared between threads).
    public func specFiles() throws(SpecSourceError) -> [SpecFile] {
        let repository = try GitRepository(discoveringFrom: gitdir)
        guard let sha = revision.commit else { return [] }
        let root = try repository.commit(sha).tree()
        defer { git_tree_free(root) }
        var blobs: [GitTreeEntry] = []
        var folders: [GitTreeEntry] = []
        if let project = repository.blobEntry(at: prefix + "dagforge.yaml", in: root) { blobs.append(project) }
        if let environments = try repository.subtree(at: prefix + "environments", in: root) {
            defer { git_tree_free(environments) }
            blobs += try repository.blobs(under: environments, base: prefix + "environments/")
        }
        if let workflows = try repository.subtree(at: prefix + "workflows", in: root) {
            defer { git_tree_free(workflows) }
            let listed = repository.entries(of: workflows, base: prefix + "workflows/")
            folders = listed.folders
            blobs += listed.blobs
        }
        var files = try blobs.map { blob throws(SpecSourceError) in try read(blob, from: repository) }
        let gitdir = self.gitdir
        // Several runs per core: folders differ in size, and a core that finishes early takes the next run.
        let results = folders.chunkedForCores(8 * ProcessInfo.processInfo.activeProcessorCount).concurrentMap { run in
            Result { () throws(SpecSourceError) -> [SpecFile] in
                let reader = try GitRepository(discoveringFrom: gitdir)
                var files: [SpecFile] = []
                for folder in run {
                    let tree = try reader.tree(folder.oid)
                    defer { git_tree_free(tree) }
                    for blob in try reader.blobs(under: tree, base: folder.path + "/") { files.append(try read(blob, from: reader)) }
                }
                return files
            }
        }
        for result in results { files += try result.get() }
        return files.sorted { $0.path < $1.path }
    }

    private func read(_ blob: GitTreeEntry, from repository: GitRepository) throws(SpecSourceError) -> SpecFile {
        SpecFile(path: String(blob.path.dropFirst(prefix.count)), contents: try repository.blob(blob.oid))
    }
}
