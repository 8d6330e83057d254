import GRDB

/// Transactions begun and ended with cached statements. GRDB's `read` and `write` compile `BEGIN ... TRANSACTION`
/// and `COMMIT TRANSACTION` again for every transaction, and the engine runs hundreds a second in a night burst
/// (each group commit, each read of a start call or of an instance's plan).
extension Database {
    /// Runs `body` in an immediate transaction: committed if it returns, rolled back if it (or the commit) throws.
    func inCachedWriteTransaction<T>(_ body: () throws -> T) throws -> T {
        try cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
        do {
            let value = try body()
            try cachedStatement(sql: "COMMIT TRANSACTION").execute()
            return value
        } catch {
            // Some errors end the transaction on their own (SQLite rolled it back).
            if isInsideTransaction { try? rollback() }
            throw error
        }
    }

    /// Runs `body` in a deferred transaction, a snapshot of the database, as GRDB's `read` does: it is left however
    /// `body` ends (committed, or rolled back should the commit fail, as there is nothing to keep).
    func inCachedReadTransaction<T>(_ body: () throws -> T) throws -> T {
        try cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
        defer {
            do {
                try cachedStatement(sql: "COMMIT TRANSACTION").execute()
            } catch {
                try? rollback()
            }
        }
        return try body()
    }
}
