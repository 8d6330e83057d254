import Glibc

/// Reads a whole file with `open`/`read`: one system call fewer per file than `FileManager.contents(atPath:)`
/// (which stats the path first) and no `Data` to copy, for the 44,000 files of a large repository.
public enum FileBytes {
    /// The file's bytes, or the reason it could not be read.
    public static func read(_ path: String) -> Result<[UInt8], ReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadError(code: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .success(bytes) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(code: errno))
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let code: Int32
        /// The system's text for the error, e.g. "No such file or directory".
        public var description: String { String(cString: strerror(code)) }
    }
}
