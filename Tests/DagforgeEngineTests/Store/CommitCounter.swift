import GRDB
import Synchronization

/// Counts the transactions SQLite committed (observe it with `writer.add(transactionObserver:)`).
final class CommitCounter: TransactionObserver, Sendable {
    let commits = Mutex(0)
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { commits.withLock { $0 += 1 } }
    func databaseDidRollback(_ db: Database) {}
}
