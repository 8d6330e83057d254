import Glibc

/// The loop of the one thread that watches a task's process (``SpawnedProcess/watch(limit:grace:maxLineBytes:timedOut:_:)``):
/// it blocks in `poll` on the output pipe and a pidfd of the child, drains output as it arrives, reaps the child
/// when the pidfd says it exited, and notices the time limit passing.
struct ProcessWatch {
    let pid: pid_t
    let outputFD: Int32
    let limit: Duration?
    let grace: Duration
    private let clock = ContinuousClock()
    /// How often the exit is checked for when no pidfd can be had (no wait can be longer).
    private static let exitCheckInterval: Duration = .milliseconds(20)

    init(pid: pid_t, outputFD: Int32, limit: Duration?, grace: Duration) {
        (self.pid, self.outputFD, self.limit, self.grace) = (pid, outputFD, limit, grace)
    }

    /// Runs until the child has exited and its output has ended (or `grace` has passed since the exit).
    func run(splitter: LineSplitter, timedOut: () -> Void) -> SpawnedProcess.Exit {
        let pidFD = LinuxProcessCalls.openPidFD(pid)
        defer { if pidFD >= 0 { close(pidFD) } }
        let timeLimit = limit.map { clock.now + $0 }
        var status: Int32?
        var graceEnd = clock.now
        var outputOpen = true
        var limitPassed = false
        while true {
            if status == nil, let reaped = reap(blocking: false) {
                status = reaped
                graceEnd = clock.now + grace
            }
            if let status, !outputOpen || clock.now >= graceEnd {
                return SpawnedProcess.Exit(status: status, timedOut: limitPassed)
            }
            if status == nil, !limitPassed, let timeLimit, clock.now >= timeLimit {
                limitPassed = true
                timedOut()
            }
            var descriptors: [pollfd] = []
            if outputOpen { descriptors.append(pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)) }
            if status == nil && pidFD >= 0 { descriptors.append(pollfd(fd: pidFD, events: Int16(POLLIN), revents: 0)) }
            var wakeUps: [ContinuousClock.Instant] = []
            if status != nil { wakeUps.append(graceEnd) }
            if status == nil, !limitPassed, let timeLimit { wakeUps.append(timeLimit) }
            if status == nil && pidFD < 0 { wakeUps.append(clock.now + Self.exitCheckInterval) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds(until: wakeUps.min()))
            if ready < 0 && errno != EINTR {
                // Cannot wait for events (out of memory): wait for the exit alone, leaving the rest of the output.
                return SpawnedProcess.Exit(status: status ?? reap(blocking: true) ?? 255 << 8, timedOut: limitPassed)
            }
            if outputOpen, ready > 0, descriptors[0].revents != 0, splitter.drain(outputFD) { outputOpen = false }
        }
    }

    /// The wait status once the child has exited (reaping it), nil while it runs. Only the engine reaps its
    /// children; should the child be gone anyway, it reports exit code 255.
    private func reap(blocking: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if reaped == pid { return status }
            if reaped == 0 { return nil }
            if errno != EINTR { return 255 << 8 }
        }
    }

    /// `poll`'s timeout until `instant`: -1 (none) without one, rounded up so the wake-up is not early.
    private func milliseconds(until instant: ContinuousClock.Instant?) -> Int32 {
        guard let instant else { return -1 }
        let (seconds, attoseconds) = (instant - clock.now).components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
