import CGit2
import Foundation

/// The spec files that differ between a revision and the checkout, for `validate --changed-since`.
public enum ChangedFiles {
    /// Spec-root-relative paths (`workflows/pv/load.sql`, `environments/prod.yaml`, `dagforge.yaml`) of
    /// spec files that differ between `revision` and what is checked out now: committed, staged and
    /// unstaged changes and untracked files alike. A rename lists both its old and its new path, and a
    /// deleted file its old path, so both the workflow it left and the one it joined count as changed.
    ///
    /// - Parameter root: the spec root (`--repo`), or nil for the enclosing git checkout of the current folder.
    public static func since(_ revision: String, root: String?) throws(SpecSourceError) -> Set<String> {
        let absolute = SpecRoot.resolve(root)
        let repository = try GitRepository(discoveringFrom: absolute)
        guard let workdir = repository.workdir else { throw .notAGitRepository(path: absolute) }
        let prefix = SpecRoot.prefix(of: absolute, in: workdir)
        let tree = try repository.commit(revision).tree()
        defer { git_tree_free(tree) }
        let paths = try repository.workdirDiffPaths(
            from: tree, pathspecs: ["dagforge.yaml", "workflows", "environments"].map { prefix + $0 }
        )
        return Set(paths.compactMap { path in
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            return SpecFile.isSpecPath(relative) ? relative : nil
        })
    }
}

extension GitCommit {
    /// The commit's root tree; the caller frees it with `git_tree_free`.
    func tree() throws(SpecSourceError) -> OpaquePointer {
        var tree: OpaquePointer?
        guard git_commit_tree(&tree, pointer) == 0, let tree else {
            throw .git(operation: "read tree", reason: GitRepository.lastError())
        }
        return tree
    }
}

extension GitRepository {
    /// Workdir-relative paths of both sides of every delta between `tree` and the working tree as seen
    /// through the index (so staged and unstaged changes both show), untracked files included.
    func workdirDiffPaths(from tree: OpaquePointer, pathspecs: [String]) throws(SpecSourceError) -> [String] {
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
        var cStrings = pathspecs.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var diff: OpaquePointer?
        let status = cStrings.withUnsafeMutableBufferPointer { buffer in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_diff_tree_to_workdir_with_index(&diff, pointer, tree, &options)
        }
        guard status == 0, let diff else { throw .git(operation: "diff", reason: Self.lastError()) }
        defer { git_diff_free(diff) }
        var paths: [String] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            paths += [delta.old_file.path, delta.new_file.path].compactMap { $0.map { String(cString: $0) } }
        }
        return paths
    }
}
