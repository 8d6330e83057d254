import Foundation
import Glibc

/// A child process in its own process group, with stdout and stderr merged into one pipe and stdin
/// from /dev/null. Its output and its exit are watched by one thread (one of ``ReusableThreads``), blocked in
/// `poll` on the pipe and a pidfd of the child. (Dispatch read sources, created and cancelled for every task
/// hundreds of times a second in a night burst, crashed libdispatch's event loop (`_dispatch_event_loop_drain`, a
/// null pointer) once in a 4,000-instance run; a thread for the output and another blocked in `waitpid` cost a
/// thread start and its context switches more per task.)
final class SpawnedProcess: Sendable {
    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// How the watch of a process ended.
    struct Exit: Sendable {
        /// The wait status.
        var status: Int32
        /// The time limit passed while the process ran.
        var timedOut: Bool
    }

    /// The child's pid, which is also its process group id.
    let pid: pid_t
    private let outputFD: Int32

    /// Starts `arguments[0]` (an absolute path) in `directory` with `environment`.
    init(arguments: [String], environment: ProcessEnvironment, directory: String) throws(SpawnError) {
        var fds: [Int32] = [-1, -1]
        guard LinuxProcessCalls.closeOnExecPipe(&fds) == 0 else { throw SpawnError(description: "pipe: \(Self.errorText(errno))") }
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        let chdirResult = LinuxProcessCalls.addChdir(&actions, directory) | LinuxProcessCalls.addCloseFrom(&actions, 3)
        // A new process group (pgid = pid), default signal handlers and an empty signal mask.
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var childPid: pid_t = 0
        let spawnResult: Int32 = chdirResult != 0 ? chdirResult : Self.withCStrings(arguments) { argv in
            environment.withCEnvironment { envp in
                posix_spawn(&childPid, arguments[0], &actions, &attributes, argv, envp)
            }
        }
        close(fds[1])
        guard spawnResult == 0 else {
            close(fds[0])
            throw SpawnError(description: "cannot start \(arguments[0]): \(Self.errorText(spawnResult))")
        }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        self.pid = childPid
        self.outputFD = fds[0]
    }

    /// Calls `line` for each output line (without its newline; an over-long line is cut into pieces) and reaps the
    /// process; returns once it has exited and its output has ended: at the end of the pipe, or `grace` after the
    /// exit while background processes it left still hold the pipe open. When `limit` passes before the exit,
    /// `timedOut` is called once (on the watching thread).
    func watch(limit: Duration?, grace: Duration, maxLineBytes: Int = 1 << 20, timedOut: @escaping @Sendable () -> Void,
               _ line: @escaping @Sendable (String) -> Void) async -> Exit {
        let (fd, childPid) = (outputFD, pid)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Exit, Never>) in
            ReusableThreads.shared.run {
                let splitter = LineSplitter(maxLineBytes: maxLineBytes, emit: line)
                let watch = ProcessWatch(pid: childPid, outputFD: fd, limit: limit, grace: grace)
                let exit = watch.run(splitter: splitter, timedOut: timedOut)
                splitter.finish()
                close(fd)
                continuation.resume(returning: exit)
            }
        }
    }

    /// Sends `signal` to the whole process group.
    func signalGroup(_ signal: Int32 = SIGKILL) {
        kill(-pid, signal)
    }

    private static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
