import Foundation
import GRDB
import Testing
@testable import DagforgeEngine

@Suite("Store commits: synced, grouped")
struct StoreCommitTests {
    private struct Refused: Error {}

    @Test("concurrent writes share commits; a write that throws loses only its own changes")
    func concurrentWrites() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-commit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EngineStore(directory: directory)
        try store.migrate()
        try await store.write { db in try db.execute(sql: "CREATE TABLE numbers (n INTEGER NOT NULL)") }
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

    @Test("commits are synced to disk (synchronous = FULL on the writer)")
    func commitsAreSynced() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-commit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EngineStore(directory: directory)
        try store.migrate()
        #expect(try await store.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }
}
