import Dispatch
import Foundation
import Synchronization

/// Threads for work that blocks for a long time (watching a task's process, see ``ProcessWatch``), kept for the
/// next such work instead of ending. A night burst watches hundreds of processes a second; starting a thread for
/// each (and ending it, unmapping its stack) cost the engine a `clone3`, a stack mapping and a dozen system calls
/// more per task. A thread idle for `idleTimeout` ends, so an idle engine keeps none.
final class ReusableThreads: Sendable {
    static let shared = ReusableThreads(idleTimeout: .seconds(10))

    private struct State {
        var work: [@Sendable () -> Void] = []
        var head = 0
        /// Threads waiting for work that no wake-up has been sent to yet.
        var idle = 0

        mutating func take() -> (@Sendable () -> Void)? {
            guard head < work.count else { return nil }
            let next = work[head]
            head += 1
            if head == work.count {
                work.removeAll(keepingCapacity: true)
                head = 0
            }
            return next
        }
    }

    private let state = Mutex(State())
    private let wakeUps = DispatchSemaphore(value: 0)
    private let idleTimeout: DispatchTimeInterval

    init(idleTimeout: DispatchTimeInterval) {
        self.idleTimeout = idleTimeout
    }

    /// Runs `work` on an idle thread, or on a new one when none is idle.
    func run(_ work: @escaping @Sendable () -> Void) {
        let wakesIdle = state.withLock { state in
            state.work.append(work)
            guard state.idle > 0 else { return false }
            state.idle -= 1
            return true
        }
        if wakesIdle {
            wakeUps.signal()
        } else {
            Thread { self.serve() }.start()
        }
    }

    /// A thread's loop: runs work while there is some, waits for more while idle, ends after `idleTimeout` idle.
    private func serve() {
        while true {
            while let next = state.withLock({ $0.take() }) { next() }
            state.withLock { $0.idle += 1 }
            guard wakeUps.wait(timeout: .now() + idleTimeout) == .timedOut else { continue }
            // Timed out: end, unless a wake-up was counted for this thread meanwhile (then take it).
            let ends = state.withLock { state in
                guard state.idle > 0 else { return false }
                state.idle -= 1
                return true
            }
            if ends { return }
            wakeUps.wait()
        }
    }
}
