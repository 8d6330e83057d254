import Synchronization

/// Back-pressure between the command queue and task launches. Counts the accepted work the engine holds in memory
/// before it can launch it: instances claimed from the command queue whose walk has not dispatched yet, and tasks
/// dispatched whose runner has no worker slot yet (their start still being committed, or waiting for a slot). The
/// command loop claims commands only while the count is under the limit: when commits or task launches fall behind
/// (a slow disk, a busy CPU), further runs wait as commands in SQLite (accepted, synced, safe from `kill -9`)
/// instead of as instances in memory, so the engine's memory no longer grows with its backlog.
///
/// Tasks waiting for something other than a slot (a DEPENDENT check, a child instance) do not count, and neither do
/// instances between their steps: instances waiting for other workflows never hold back the commands that would
/// run those workflows.
final class LaunchBacklog: Sendable {
    private struct Count {
        var held = 0
        /// The command loop found no room: `resume` is called once the backlog has drained to half the limit.
        var refused = false
    }

    let limit: Int
    private let count = Mutex(Count())
    private let resume: @Sendable () -> Void

    /// - Parameters:
    ///   - limit: the most work held before claims stop (at least 2).
    ///   - resume: called, once per refusal, when the backlog has drained to `limit / 2` after `room()` was 0.
    init(limit: Int, resume: @escaping @Sendable () -> Void) {
        self.limit = max(limit, 2)
        self.resume = resume
    }

    /// How many instances the command loop may claim now; 0 holds it back until `resume` is called.
    func room() -> Int {
        count.withLock { count in
            let room = max(limit - count.held, 0)
            if room == 0 { count.refused = true }
            return room
        }
    }

    /// The work held now.
    var held: Int { count.withLock { $0.held } }

    /// Holds one unit of work until the entry leaves (explicitly, or when it is released).
    func enter() -> Entry {
        count.withLock { $0.held += 1 }
        return Entry(self)
    }

    fileprivate func leave() {
        let resumes = count.withLock { count in
            count.held -= 1
            guard count.refused, count.held <= limit / 2 else { return false }
            count.refused = false
            return true
        }
        if resumes { resume() }
    }

    /// One unit of held work. It leaves once: on `leave()`, or when the last reference goes (a task that ended
    /// early, a step that could not be recorded).
    final class Entry: Sendable {
        private let backlog: LaunchBacklog
        private let left = Atomic<Bool>(false)

        fileprivate init(_ backlog: LaunchBacklog) {
            self.backlog = backlog
        }

        func leave() {
            if !left.exchange(true, ordering: .acquiringAndReleasing) { backlog.leave() }
        }

        deinit { leave() }
    }
}
