import CGit2
import Foundation

/// A libgit2 repository handle. One handle is used by one thread at a time (libgit2's rule); parallel
/// readers open their own.
final class GitRepository {
    private static let initialized: Bool = { git_libgit2_init() > 0 }()

    let pointer: OpaquePointer
    /// Working directory with a trailing `/`; nil for a bare repository.
    let workdir: String?
    /// The `.git` directory, used to open more handles.
    let gitdir: String

    /// Opens the repository containing `path`, searching parent folders.
    init(discoveringFrom path: String) throws(SpecSourceError) {
        _ = Self.initialized
        var handle: OpaquePointer?
        guard git_repository_open_ext(&handle, path, 0, nil) == 0, let handle else {
            throw .notAGitRepository(path: path)
        }
        pointer = handle
        workdir = git_repository_workdir(handle).map { String(cString: $0) }
        gitdir = String(cString: git_repository_path(handle))
    }

    deinit { git_repository_free(pointer) }

    /// The commit `revision` names (`main`, `HEAD~3`, a tag, a full or short SHA).
    func commit(_ revision: String) throws(SpecSourceError) -> GitCommit {
        var object: OpaquePointer?
        guard git_revparse_single(&object, pointer, revision) == 0, let object else {
            throw .revisionNotFound(revision: revision, reason: Self.lastError())
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else {
            throw .revisionNotFound(revision: revision, reason: "it does not name a commit")
        }
        return GitCommit(pointer: peeled)
    }

    /// HEAD's commit SHA, or nil on an unborn branch.
    func headSHA() -> String? {
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, pointer, "HEAD") == 0 else { return nil }
        return Self.hex(oid)
    }

    /// Whether any file under `pathspecs` accepted by `isRelevant` is modified, staged, deleted or untracked.
    func hasChanges(in pathspecs: [String], where isRelevant: (String) -> Bool) throws(SpecSourceError) -> Bool {
        var options = git_status_options()
        git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        // Limiting status to the spec folders keeps it fast in repositories with other content.
        var cStrings = pathspecs.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var list: OpaquePointer?
        let status = cStrings.withUnsafeMutableBufferPointer { buffer in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_status_list_new(&list, pointer, &options)
        }
        guard status == 0, let list else {
            throw .git(operation: "status", reason: Self.lastError())
        }
        defer { git_status_list_free(list) }
        for index in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, index)?.pointee else { continue }
            for delta in [entry.head_to_index, entry.index_to_workdir].compactMap({ $0?.pointee }) {
                for file in [delta.old_file.path, delta.new_file.path].compactMap({ $0 }) where isRelevant(String(cString: file)) {
                    return true
                }
            }
        }
        return false
    }

    /// The bytes of the blob `oid`.
    func blob(_ oid: git_oid) throws(SpecSourceError) -> [UInt8] {
        var oid = oid
        var blob: OpaquePointer?
        guard git_blob_lookup(&blob, pointer, &oid) == 0, let blob else {
            throw .git(operation: "read blob", reason: Self.lastError())
        }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    static func hex(_ oid: git_oid) -> String {
        var oid = oid
        return String(cString: git_oid_tostr_s(&oid))
    }

    static func lastError() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else { return "unknown libgit2 error" }
        return String(cString: message)
    }
}

/// A commit.
final class GitCommit {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_object_free(pointer) }

    var sha: String { GitRepository.hex(git_commit_id(pointer).pointee) }
}
