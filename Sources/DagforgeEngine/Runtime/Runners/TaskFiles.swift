import Foundation
import Glibc

/// The files a task leaves on the way (its working directory, its script), made with plain system calls. They
/// run on the shared task threads hundreds of times a second in a night burst, where Foundation's calls cost
/// more than the work: `Data.write(to:)` syncs every file it writes (blocking a thread on the disk for a script
/// that a crash would rewrite anyway, as the task runs again), and `createDirectory(withIntermediateDirectories:)`
/// checks every path component first.
enum TaskFiles {
    struct FileError: Error, CustomStringConvertible {
        let description: String

        init(_ action: String, _ path: String, _ code: Int32) {
            description = "cannot \(action) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// Creates `directory` and, only when they are missing, its parents; an existing directory is fine.
    static func makeDirectory(_ directory: URL) throws(FileError) {
        try makeDirectory(path: directory.path)
    }

    /// Writes `text` to a new file at `file` (its directory must exist), without syncing it.
    static func writeNew(_ text: String, to file: URL) throws(FileError) {
        try writeNew(text, toPath: file.path)
    }

    /// Writes `text` to a new file at `path` (its directory must exist), without syncing it.
    static func writeNew(_ text: String, toPath path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileError("create", path, errno) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw FileError("write", path, written < 0 ? errno : EIO) }
            offset += written
        }
    }

    /// Creates the directory at `path` and, only when they are missing, its parents; an existing directory is fine.
    static func makeDirectory(path: String) throws(FileError) {
        if mkdir(path, 0o777) == 0 { return }
        switch errno {
        case EEXIST:
            return
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { throw FileError("create directory", path, ENOENT) }
            try makeDirectory(path: parent)
            guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw FileError("create directory", path, errno) }
        default:
            throw FileError("create directory", path, errno)
        }
    }
}
