import Foundation
import GRDB
import Synchronization
import Testing
@testable import DagforgeEngine

@Suite("Store commits: synced, grouped")
struct StoreCommitTests {
    private struct Refused: Error {}

    /// A migrated store in a new temporary directory, with an empty table `numbers (n)`.
    private func storeWithNumbers() async throws -> (EngineStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-commit-\(UUID().uuidString)")
        let store = try EngineStore(directory: directory)
        try store.migrate()
        try await store.write { db in try db.execute(sql: "CREATE TABLE numbers (n INTEGER NOT NULL)") }
        return (store, directory)
    }

    @Test("concurrent writes share commits; a write that throws loses only its own changes")
    func concurrentWrites() async throws {
        let (store, directory) = try await storeWithNumbers()
        defer { try? FileManager.default.removeItem(at: directory) }
        let counter = CommitCounter()
        store.pool.add(transactionObserver: counter, extent: .databaseLifetime)

        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for n in 1...200 {
                group.addTask {
                    do {
                        try await store.write { db in
                            try db.execute(sql: "INSERT INTO numbers (n) VALUES (?)", arguments: [n])
                            if n % 10 == 0 { throw Refused() }
                        }
                        return (n, true)
                    } catch {
                        return (n, false)
                    }
                }
            }
            var outcomes: [Int: Bool] = [:]
            for await (n, stored) in group { outcomes[n] = stored }
            return outcomes
        }
        #expect(outcomes.filter { !$0.value }.keys.sorted() == Array(stride(from: 10, through: 200, by: 10)))
        let stored = try await store.read { db in try Int.fetchAll(db, sql: "SELECT n FROM numbers ORDER BY n") }
        #expect(stored == (1...200).filter { $0 % 10 != 0 })
        let commits = counter.commits.withLock { $0 }
        #expect(commits < 200, "\(commits) commits for 200 concurrent writes")
    }

    @Test("a submitted write is kept with the next commit; one that throws is reported and undone alone")
    func submittedWrites() async throws {
        let (store, directory) = try await storeWithNumbers()
        defer { try? FileManager.default.removeItem(at: directory) }
        let failures = Mutex<[Int]>([])
        for n in 1...20 {
            store.submit({ db in
                try db.execute(sql: "INSERT INTO numbers (n) VALUES (?)", arguments: [n])
                if n % 5 == 0 { throw Refused() }
            }, failed: { error in
                if error is Refused { failures.withLock { $0.append(n) } }
            })
        }
        // A write awaited after them commits in the same batch or a later one: the submitted ones are in by then.
        try await store.write { db in try db.execute(sql: "INSERT INTO numbers (n) VALUES (100)") }
        let stored = try await store.read { db in try Int.fetchAll(db, sql: "SELECT n FROM numbers ORDER BY n") }
        #expect(stored == (1...20).filter { $0 % 5 != 0 } + [100])
        #expect(failures.withLock { $0.sorted() } == [5, 10, 15, 20])
    }

    @Test("commits are synced to disk (synchronous = FULL on the writer)")
    func commitsAreSynced() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-commit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EngineStore(directory: directory)
        try store.migrate()
        #expect(try await store.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }
}
