import Foundation
import Glibc
import Synchronization

/// A child process in its own process group, with stdout and stderr merged into one pipe and stdin
/// from /dev/null. Its output and its exit are each waited for by a thread of their own (blocked in `poll` and
/// `waitpid`): dispatch read sources, created and cancelled for every task hundreds of times a second in a
/// night burst, crashed libdispatch's event loop (`_dispatch_event_loop_drain`, a null pointer) once in a
/// 4,000-instance run.
final class SpawnedProcess: Sendable {
    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// The child's pid, which is also its process group id.
    let pid: pid_t
    private let outputFD: Int32

    /// Starts `arguments[0]` (an absolute path) in `directory` with `environment`.
    init(arguments: [String], environment: [String: String], directory: String) throws(SpawnError) {
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
            Self.withCStrings(environment.map { "\($0.key)=\($0.value)" }) { envp in
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

    /// Calls `line` for each output line (without its newline; an over-long line is cut into pieces) until
    /// every writer of the pipe has closed it or `stop` is signalled (noticed within 100 ms).
    func readLines(maxLineBytes: Int = 1 << 20, stop: OutputStop, _ line: @escaping @Sendable (String) -> Void) async {
        let fd = outputFD
        let stopped = StopFlag()
        stop.install { stopped.raise() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let splitter = LineSplitter(maxLineBytes: maxLineBytes, emit: line)
            Thread {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                while !stopped.isRaised {
                    let ready = poll(&descriptor, 1, 100)
                    if ready < 0 && errno != EINTR { break }
                    if ready > 0 && splitter.drain(fd) { break }
                }
                splitter.finish()
                close(fd)
                continuation.resume()
            }.start()
        }
    }

    /// Waits for the child to exit and reaps it; returns the wait status.
    func waitForExit() async -> Int32 {
        let childPid = pid
        return await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            Thread {
                var status: Int32 = 0
                var reaped = waitpid(childPid, &status, 0)
                while reaped < 0 && errno == EINTR { reaped = waitpid(childPid, &status, 0) }
                // Only the engine reaps its children; should the child be gone anyway, report exit code 255.
                continuation.resume(returning: reaped == childPid ? status : 255 << 8)
            }.start()
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

/// Set once by `OutputStop`, read by the thread reading the output.
private final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() { raised.store(true, ordering: .releasing) }

    var isRaised: Bool { raised.load(ordering: .acquiring) }
}

/// Lets the caller end output reading early (when background processes keep the pipe open after the task's
/// own process exited).
final class OutputStop: Sendable {
    private let state = Mutex<(stopped: Bool, action: (@Sendable () -> Void)?)>((false, nil))

    func install(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            state.action = action
            return state.stopped
        }
        if runNow { action() }
    }

    func stop() {
        let action = state.withLock { state -> (@Sendable () -> Void)? in
            state.stopped = true
            return state.action
        }
        action?()
    }
}
