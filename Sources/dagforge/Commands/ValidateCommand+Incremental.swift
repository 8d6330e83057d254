import ArgumentParser
import DagforgeCompiler
import DagforgeSpec
import Foundation

extension ValidateCommand {
    /// `--changed-since` reading only what the change needs (see `IncrementalCheck`), with the outlines of
    /// unchanged workflow folders kept in the checkout's cache between runs. Nil when a file outside the
    /// workflow folders changed: every workflow is affected, and the whole repository is validated.
    func checkIncrementally(since base: String) throws -> (check: IncrementalCheck, files: [SpecFile])? {
        let root = repository.repo
        let folder = WorkingTreeFolder(root: SpecRoot.resolve(root))
        // The revision is not part of a validation report: no git status is read for it.
        let revision = SourceRevision(commit: nil, isDirty: false, requested: "working tree")
        // The diff stats every file of the checkout (system time, one core); meanwhile the archive is decoded
        // and its outlines become hollow specs against the checkout's project and environments.
        let (difference, preparation) = concurrently({ Result { () throws(SpecSourceError) in try ChangedFiles.since(base, root: root) } }, {
            Result { () throws(SpecSourceError) in
                let trees = try WorkflowTrees.at(base, root: root)
                let cache = OutlineCacheFile(directory: trees.cacheDirectory)
                let outside = SpecLoader.load(files: try folder.specFiles(workflows: []), revision: revision)
                return (cache, IncrementalCheck.Preparation(archive: cache.read(), trees: trees.byWorkflow,
                                                            present: folder.workflowFolders(), base: outside))
            }
        })
        do {
            let changed = try difference.get()
            guard changed.allSatisfy({ ChangeImpact.workflowName(ofPath: $0) != nil }) else { return nil }
            let (cache, prepared) = try preparation.get()
            var files: [String: SpecFile] = [:]
            let check = try IncrementalCheck(changedFiles: changed, prepared: prepared,
                                             environments: scope.selectedEnvironments) { names in
                let read = try folder.specFiles(workflows: names)
                for file in read { files[file.path] = file }
                return SpecLoader.load(files: read, revision: revision)
            }
            if check.archiveGrew { cache.write(check.archive) }
            return (check, files.values.sorted { $0.path < $1.path })
        } catch let error as SpecSourceError {
            DiagnosticPrinter.printFailure(error.description)
            throw ExitCode.failure
        }
    }
}

/// The outline archive of one spec root, in its cache folder. A missing, unreadable or foreign file reads
/// as empty; writing goes through a temporary file and a rename, and a failure only costs the next run time.
struct OutlineCacheFile: Sendable {
    let directory: String

    private var path: String { directory + (directory.hasSuffix("/") ? "" : "/") + "workflow-outlines" }

    func read() -> OutlineArchive {
        guard case .success(let bytes) = FileBytes.read(path) else { return OutlineArchive(bytes: [], stamp: "") }
        return OutlineArchive(bytes: bytes, stamp: Self.stamp)
    }

    func write(_ archive: OutlineArchive) {
        let temporary = path + ".\(getpid()).tmp"
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil,
              FileManager.default.createFile(atPath: temporary, contents: Data(archive.encoded(stamp: Self.stamp)))
        else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// This program: its version and the size and modification time of its executable, so that another build,
    /// which may read SQL differently, never uses this one's outlines.
    static let stamp: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return ValidateCommand.toolVersion }
        return "\(ValidateCommand.toolVersion) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()
}
