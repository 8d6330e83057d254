import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command that leaves a daemon behind (`pg_ctl start`) and waits for the command itself to exit.
/// Foundation's `Process` cannot do this: the daemon would inherit `Process`'s exit-detection socket and
/// `waitUntilExit` would never return. The child here inherits no descriptor beyond stdin, stdout and stderr
/// (so the daemon cannot hold on to another test's pipes either); its output goes to `outputPath`.
public enum DetachedSpawn {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Runs `arguments[0]` (an absolute path) to completion in `directory`; returns its exit status.
    public static func run(_ arguments: [String], directory: String, outputPath: String) async throws -> Int32 {
        try await offload { try spawnAndWait(arguments, directory: directory, outputPath: outputPath) }
    }

    private static func spawnAndWait(_ arguments: [String], directory: String, outputPath: String) throws -> Int32 {
        // glibc 2.34+; Swift's Glibc module does not import it.
        guard let closeFrom = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")
            .map({ unsafeBitCast($0, to: AddCloseFrom.self) }) else {
            throw Failure(description: "posix_spawn_file_actions_addclosefrom_np is missing (glibc 2.34 or later is required)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        _ = closeFrom(&actions, 3)
        let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + arguments
        var pointers: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, nil, pointers, environ)
        guard result == 0 else { throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(result)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Wait status: exit code in bits 8-15 when no signal ended it.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
