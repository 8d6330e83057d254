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

    public func specFiles() throws(SpecSourceError) -> [SpecFile] {
        let repository = try GitRepository(discoveringFrom: gitdir)
        guard let sha = revision.commit else { return [] }
        let blobs = try repository.commit(sha).blobs(under: prefix)
            .filter { SpecFile.isSpecPath($0.path) }
            .sorted { $0.path < $1.path }
            .map { BlobReference(path: $0.path, oid: $0.oid) }
        // libgit2 handles are not shared between threads: each chunk opens its own.
        let gitdir = self.gitdir
        let chunks = blobs.chunkedForCores(ProcessInfo.processInfo.activeProcessorCount)
        let results = chunks.concurrentMap { chunk -> Result<[SpecFile], SpecSourceError> in
            Result { () throws(SpecSourceError) -> [SpecFile] in
                let reader = try GitRepository(discoveringFrom: gitdir)
                return try chunk.map { blob throws(SpecSourceError) in
                    SpecFile(path: blob.path, contents: try reader.blob(blob.oid))
                }
            }
        }
        var files: [SpecFile] = []
        for result in results { files += try result.get() }
        return files
    }
}

/// A blob to read, passed between threads.
private struct BlobReference: @unchecked Sendable {
    // `git_oid` is a plain 20-byte C struct; copies are independent values.
    let path: String
    let oid: git_oid
}
