import Dispatch
import Foundation
import Glibc
import Synchronization

/// A child process in its own process group, with stdout and stderr merged into one pipe and stdin
/// from /dev/null. Output lines and the exit are delivered through dispatch sources, so waiting holds no
/// thread.
final class SpawnedProcess: Sendable {
    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// The child's pid, which is also its process group id.
    let pid: pid_t
    private let outputFD: Int32
    private let exitFD: Int32

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
        let exitFD = LinuxProcessCalls.pidfdOpen(childPid)
        guard exitFD >= 0 else {
            let reason = Self.errorText(errno)
            kill(-childPid, SIGKILL)
            var status: Int32 = 0
            waitpid(childPid, &status, 0)
            close(fds[0])
            throw SpawnError(description: "pidfd_open: \(reason) (Linux 5.3 or later is required)")
        }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        self.pid = childPid
        self.outputFD = fds[0]
        self.exitFD = exitFD
    }

    /// Calls `line` for each output line (without its newline; an over-long line is cut into pieces) until
    /// every writer of the pipe has closed it or `stop` is signalled.
    func readLines(maxLineBytes: Int = 1 << 20, stop: OutputStop, _ line: @escaping @Sendable (String) -> Void) async {
        let fd = outputFD
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "dagforge.task-output")
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            let splitter = LineSplitter(maxLineBytes: maxLineBytes, emit: line)
            source.setEventHandler {
                if splitter.drain(fd) { source.cancel() }
            }
            source.setCancelHandler {
                splitter.finish()
                close(fd)
                continuation.resume()
            }
            let cancellable = CancellableSource(source: source)
            stop.install { queue.async { cancellable.source.cancel() } }
            source.resume()
        }
    }

    /// Waits for the child to exit and reaps it; returns the wait status.
    func waitForExit() async -> Int32 {
        let pidfd = exitFD
        let childPid = pid
        return await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let source = DispatchSource.makeReadSource(fileDescriptor: pidfd, queue: .global())
            source.setEventHandler {
                var status: Int32 = 0
                if waitpid(childPid, &status, WNOHANG) == childPid {
                    source.cancel()
                    continuation.resume(returning: status)
                }
            }
            source.setCancelHandler { close(pidfd) }
            source.resume()
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

/// A dispatch source handed to another thread only to cancel it, which dispatch allows from any thread.
private struct CancellableSource: @unchecked Sendable {
    let source: any DispatchSourceRead
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
