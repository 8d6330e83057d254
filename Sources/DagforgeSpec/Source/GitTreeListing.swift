import CGit2

/// An entry of a git tree, passed between threads: a path and a plain 20-byte object id.
struct GitTreeEntry: @unchecked Sendable {
    let path: String
    let oid: git_oid
}

extension GitRepository {
    /// The tree at `path` (no trailing slash) inside `tree`, or nil when `path` is not a folder there. The
    /// caller frees it with `git_tree_free`.
    func subtree(at path: String, in tree: OpaquePointer) throws(SpecSourceError) -> OpaquePointer? {
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        return try self.tree(git_tree_entry_id(entry).pointee)
    }

    /// The tree `oid`; the caller frees it with `git_tree_free`.
    func tree(_ oid: git_oid) throws(SpecSourceError) -> OpaquePointer {
        var oid = oid
        var tree: OpaquePointer?
        guard git_tree_lookup(&tree, pointer, &oid) == 0, let tree else {
            throw .git(operation: "read tree", reason: Self.lastError())
        }
        return tree
    }

    /// The blob at `path` inside `tree`, if there is one.
    func blobEntry(at path: String, in tree: OpaquePointer) -> GitTreeEntry? {
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        return GitTreeEntry(path: path, oid: git_tree_entry_id(entry).pointee)
    }

    /// The entries directly in `tree`: its subfolders and its blobs, each path prefixed with `base`.
    func entries(of tree: OpaquePointer, base: String) -> (folders: [GitTreeEntry], blobs: [GitTreeEntry]) {
        var folders: [GitTreeEntry] = [], blobs: [GitTreeEntry] = []
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let listed = GitTreeEntry(path: base + String(cString: git_tree_entry_name(entry)), oid: git_tree_entry_id(entry).pointee)
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE: folders.append(listed)
            case GIT_OBJECT_BLOB: blobs.append(listed)
            default: break  // submodules
            }
        }
        return (folders, blobs)
    }

    /// Every blob under `tree`, at any depth, each path prefixed with `base` (a folder path ending in `/`).
    func blobs(under tree: OpaquePointer, base: String) throws(SpecSourceError) -> [GitTreeEntry] {
        var (pending, blobs) = entries(of: tree, base: base)
        while let folder = pending.popLast() {
            let subtree = try self.tree(folder.oid)
            defer { git_tree_free(subtree) }
            let (folders, files) = entries(of: subtree, base: folder.path + "/")
            pending += folders
            blobs += files
        }
        return blobs
    }
}
