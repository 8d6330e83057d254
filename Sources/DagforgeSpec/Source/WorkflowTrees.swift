import CGit2
import Foundation

/// The git tree of each workflow folder at a revision: equal tree ids mean byte-equal folders, which is
/// what lets `validate --changed-since` reuse what it learnt about a folder in an earlier run.
public struct WorkflowTrees: Sendable {
    /// Workflow folder name → hex id of its tree at the revision.
    public var byWorkflow: [String: String]
    /// Where this spec root keeps dagforge's caches: under `DAGFORGE_CACHE_DIR`, else under `dagforge-cache/`
    /// in the git directory (never committed, one per clone), in a folder per spec root inside the checkout.
    public var cacheDirectory: String

    /// - Parameter root: the spec root (`--repo`), or nil for the enclosing git checkout.
    public static func at(_ revision: String, root: String?) throws(SpecSourceError) -> WorkflowTrees {
        let absolute = SpecRoot.resolve(root)
        let repository = try GitRepository(discoveringFrom: absolute)
        let prefix = repository.workdir.map { SpecRoot.prefix(of: absolute, in: $0) } ?? ""
        let tree = try repository.commit(revision).tree()
        defer { git_tree_free(tree) }
        var byWorkflow: [String: String] = [:]
        var folder: OpaquePointer?
        // No `workflows` folder at the revision: every workflow is new.
        if git_tree_entry_bypath(&folder, tree, prefix + "workflows") == 0, let folder {
            defer { git_tree_entry_free(folder) }
            var workflows: OpaquePointer?
            guard git_tree_lookup(&workflows, repository.pointer, git_tree_entry_id(folder)) == 0, let workflows else {
                throw .git(operation: "read tree", reason: GitRepository.lastError())
            }
            defer { git_tree_free(workflows) }
            for index in 0..<git_tree_entrycount(workflows) {
                guard let entry = git_tree_entry_byindex(workflows, index), git_tree_entry_type(entry) == GIT_OBJECT_TREE
                else { continue }
                byWorkflow[String(cString: git_tree_entry_name(entry))] = GitRepository.hex(git_tree_entry_id(entry).pointee)
            }
        }
        let chosen = ProcessInfo.processInfo.environment["DAGFORGE_CACHE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        let base = chosen ?? (repository.gitdir.hasSuffix("/") ? repository.gitdir : repository.gitdir + "/") + "dagforge-cache"
        return WorkflowTrees(byWorkflow: byWorkflow, cacheDirectory: base + "/" + prefix)
    }
}
