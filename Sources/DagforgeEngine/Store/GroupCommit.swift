import Dispatch
import GRDB
import Synchronization

/// Group commit for the store's writes: writes that arrive while a commit is in progress are applied together in
/// the next transaction, each in a savepoint of its own, and share one commit and so one fsync. A burst of task
/// state changes would otherwise queue behind one fsync each on the single writer. Every caller still returns
/// only after its own write was committed and synced; a write that throws rolls back only its own savepoint.
/// The batches are committed one after the other on a queue of their own, blocking it in the sync: the next batch
/// starts as soon as the previous one is synced, without waiting for a turn on the shared task threads.
final class GroupCommit: Sendable {
    private struct Job: Sendable {
        /// Runs the write in a savepoint of the open transaction and keeps its outcome.
        let apply: @Sendable (Database) -> Void
        /// After the commit: hands the caller its outcome, or the error that lost the whole batch.
        let complete: @Sendable ((any Error)?) -> Void
    }

    private struct Queue {
        var waiting: [Job] = []
        var draining = false
    }

    /// SQLite rolled back the whole transaction (an I/O error, a full disk): no write of the batch was kept.
    struct TransactionAborted: Error, CustomStringConvertible {
        var description: String { "SQLite rolled back the write transaction" }
    }

    private let pool: DatabasePool
    private let queue = Mutex(Queue())
    private let committer = DispatchQueue(label: "dagforge.store.group-commit")

    init(pool: DatabasePool) {
        self.pool = pool
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcomeBox = OutcomeBox<T>()
            enqueue(Job(apply: { db in
                outcomeBox.set(Result { try Self.inSavepoint(db, body) })
            }, complete: { batchError in
                if let batchError {
                    continuation.resume(throwing: batchError)
                } else {
                    continuation.resume(with: outcomeBox.take())
                }
            }))
        }
    }

    /// Queues `body` for the next batch without waiting for it; `failed` is told should it throw or its batch be
    /// lost. For writes nobody waits on: no Swift task and no continuation to resume per write.
    func submit(_ body: @escaping @Sendable (Database) throws -> Void, failed: @escaping @Sendable (any Error) -> Void) {
        let failure = Mutex<(any Error)?>(nil)
        enqueue(Job(apply: { db in
            do {
                try Self.inSavepoint(db, body)
            } catch {
                failure.withLock { $0 = error }
            }
        }, complete: { batchError in
            if let error = batchError ?? failure.withLock({ $0 }) { failed(error) }
        }))
    }

    /// Runs `body` in a savepoint of the open transaction: its changes are kept if it returns, undone if it
    /// throws. The savepoint statements are prepared once and cached (GRDB's `inSavepoint` compiles both for
    /// every write, several times per task in a night burst).
    private static func inSavepoint<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        try db.cachedStatement(sql: "SAVEPOINT groupCommitWrite").execute()
        let value: T
        do {
            value = try body(db)
        } catch {
            // Unless SQLite already rolled back the whole transaction (the drain loop then fails the batch).
            if db.isInsideTransaction {
                try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT groupCommitWrite").execute()
                try db.cachedStatement(sql: "RELEASE SAVEPOINT groupCommitWrite").execute()
            }
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT groupCommitWrite").execute()
        return value
    }

    private func enqueue(_ job: Job) {
        let startsDraining = queue.withLock { queue in
            queue.waiting.append(job)
            guard !queue.draining else { return false }
            queue.draining = true
            return true
        }
        if startsDraining { committer.async { self.drain() } }
    }

    /// Commits batches until no write waits.
    private func drain() {
        while true {
            let batch = queue.withLock { queue in
                let batch = queue.waiting
                queue.waiting = []
                if batch.isEmpty { queue.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try pool.writeWithoutTransaction { db in
                    try db.inCachedWriteTransaction {
                        for job in batch {
                            job.apply(db)
                            // Some errors make SQLite roll back the transaction itself; the batch is lost then.
                            guard db.isInsideTransaction else { throw TransactionAborted() }
                        }
                    }
                }
                for job in batch { job.complete(nil) }
            } catch {
                for job in batch { job.complete(error) }
            }
        }
    }
}

/// One write's outcome, set on the writer queue and read after the commit.
private final class OutcomeBox<T: Sendable>: Sendable {
    private let outcome = Mutex<Result<T, any Error>?>(nil)

    func set(_ result: Result<T, any Error>) {
        outcome.withLock { $0 = result }
    }

    func take() -> Result<T, any Error> {
        outcome.withLock { $0 } ?? .failure(CancellationError())
    }
}
