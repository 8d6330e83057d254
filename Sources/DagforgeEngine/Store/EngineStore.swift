import DagforgeWire
import Foundation
import GRDB
import Synchronization

/// The engine's state: one SQLite database in WAL mode in the data directory. This type owns the database
/// pool; every write is an intent-named method that applies atomically (concurrent writes share one commit, see `GroupCommit`), so a request is either fully
/// stored or not at all, and `kill -9` loses no acknowledged write (commits are fsynced: `synchronous=FULL`).
/// Records never leave `Store/`: methods return DagforgeWire values or the plain structs of `StoreValues.swift`.
///
/// Later parts of the engine add their tables with migrations appended to `Migrations.registerAll` and their
/// operations as `EngineStore+<Concern>.swift` extensions using `write` / `read`.
public final class EngineStore: Sendable {
    let pool: DatabasePool
    private let commits: GroupCommit
    /// Task definitions and relations of the workflow versions instances run, decoded once per version.
    let decodedDags = DecodedDags()

    /// Opens (creating if needed) `engine.sqlite` in `directory`. Call `migrate()` before use.
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: directory.appendingPathComponent("engine.sqlite").path,
                                configuration: configuration)
        // Only now: opening the pool switches the writer to WAL mode and to `synchronous = NORMAL`, which does not
        // sync commits (a power loss could lose acknowledged writes). Only the writer's setting matters.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        commits = GroupCommit(pool: pool)
    }

    /// Applies the migrations not applied yet, each in its own transaction.
    public func migrate() throws {
        var migrator = DatabaseMigrator()
        Migrations.registerAll(in: &migrator)
        try migrator.migrate(pool)
    }

    /// Runs `body` atomically (in a savepoint of a transaction that concurrent writes share) and returns once
    /// it is committed and synced.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await commits.write(body)
    }

    /// Queues `body` for the next commit and returns at once; `failed` is told should it not be kept.
    func submit(_ body: @escaping @Sendable (Database) throws -> Void, failed: @escaping @Sendable (any Error) -> Void) {
        commits.submit(body, failed: failed)
    }

    /// Runs `body` on a read-only snapshot (concurrent with writes, thanks to WAL): in a deferred transaction, as
    /// GRDB's `read` does, begun and committed with cached statements.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.unsafeRead { db in try db.inCachedReadTransaction { try body(db) } }
    }

    /// Wall-clock now as DolphinScheduler writes dates (`yyyy-MM-dd HH:mm:ss`, server time zone).
    static func now() -> String {
        let second = Date().timeIntervalSince1970.rounded(.down)
        return nowText.withLock { cached in
            if cached.second != second {
                cached = (second, DolphinDate.string(Date(timeIntervalSince1970: second)))
            }
            return cached.text
        }
    }

    /// The last stamp `now()` formatted, with its second: a burst stamps thousands of rows a second.
    private static let nowText = Mutex<(second: TimeInterval, text: String)>((-1, ""))
}

/// LIKE pattern matching `text` anywhere, with `\` escaping SQL wildcards in the user's text.
func containsPattern(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_")
    return "%\(escaped)%"
}
