import DagforgeWire
import Foundation
import GRDB

/// What a fresh data directory contains, as a fresh DolphinScheduler standalone server does.
public struct StandaloneSeed: Sendable {
    public let adminPasswordHash: String
    public let adminPasswordSalt: String
    /// `host:port` of this machine's one worker, in the `default` worker group.
    public let workerAddress: String
}

extension EngineStore {
    /// A login refreshes the existing session when it is younger than this (DolphinScheduler's 2 hours).
    static let sessionReuseWindow: TimeInterval = 7200

    /// Creates the admin user, the `default` queue (id 1), tenant (id -1) and worker group when the store is
    /// empty. Returns true when it did (a first start).
    public func seedIfEmpty(_ seed: StandaloneSeed) async throws -> Bool {
        try await write { db in
            guard try UserRecord.fetchCount(db) == 0 else { return false }
            let now = Self.now()
            try db.execute(sql: """
                INSERT INTO queue (id, queueName, queue, createTime, updateTime) VALUES (1, 'default', 'default', ?, ?)
                """, arguments: [now, now])
            try db.execute(sql: """
                INSERT INTO tenant (id, tenantCode, description, queueId, createTime, updateTime)
                VALUES (-1, 'default', 'default tenant', 1, ?, ?)
                """, arguments: [now, now])
            var admin = UserRecord(id: nil, userName: "admin", passwordHash: seed.adminPasswordHash,
                                   passwordSalt: seed.adminPasswordSalt, userType: UserType.ADMIN_USER.rawValue,
                                   tenantId: -1, email: "xxx@qq.com", state: 1, timeZone: nil,
                                   createTime: now, updateTime: now)
            try admin.insert(db)
            var group = WorkerGroupRecord(id: nil, name: "default", addrList: seed.workerAddress,
                                          description: "default worker group", otherParamsJson: nil,
                                          systemDefault: true, createTime: now, updateTime: now)
            try group.insert(db)
            return true
        }
    }

    /// Whether the store has never been seeded (a fresh data directory).
    public func isEmpty() async throws -> Bool {
        try await read { db in try UserRecord.fetchCount(db) == 0 }
    }

    /// Replaces the admin password (used by `dagforge engine --admin-password` on an existing data dir).
    public func setAdminPassword(hash: String, salt: String) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE user SET passwordHash = ?, passwordSalt = ?, updateTime = ? WHERE userName = 'admin'",
                           arguments: [hash, salt, Self.now()])
        }
    }

    func credentials(userName: String) async throws -> StoredCredentials? {
        try await read { db in
            try UserRecord.filter(UserRecord.Columns.userName == userName).fetchOne(db).map {
                StoredCredentials(user: $0.engineUser, passwordHash: $0.passwordHash, passwordSalt: $0.passwordSalt)
            }
        }
    }

    func user(id: Int64) async throws -> EngineUser? {
        try await read { db in try UserRecord.fetchOne(db, key: id)?.engineUser }
    }

    /// The one session of `userId`: the existing id when its last login is recent enough, else a new one.
    func openSession(userId: Int64, ip: String, now: Date) async throws -> String {
        try await write { db in
            let epoch = now.timeIntervalSince1970
            if var session = try SessionRecord.filter(SessionRecord.Columns.userId == userId).fetchOne(db) {
                if epoch - session.lastLoginTime < Self.sessionReuseWindow {
                    session.lastLoginTime = epoch
                    session.ip = ip
                    try session.update(db)
                    return session.id
                }
                try session.delete(db)
            }
            let session = SessionRecord(id: UUID().uuidString.lowercased(), userId: userId, ip: ip, lastLoginTime: epoch)
            try session.insert(db)
            return session.id
        }
    }

    /// The user of session `sessionId` (a cached statement: every request but login asks).
    func user(sessionId: String) async throws -> EngineUser? {
        try await read { db in
            try UserRecord.fetchOne(db.cachedStatement(sql: """
                SELECT user.* FROM user JOIN session ON session.userId = user.id WHERE session.id = ?
                """), arguments: [sessionId])?.engineUser
        }
    }

    func user(token: String, now: Date) async throws -> EngineUser? {
        try await read { db in
            try UserRecord.fetchOne(db, sql: """
                SELECT user.* FROM user JOIN accessToken ON accessToken.userId = user.id
                WHERE accessToken.token = ? AND accessToken.expireEpoch > ?
                """, arguments: [token, now.timeIntervalSince1970])?.engineUser
        }
    }

    func closeSessions(userId: Int64) async throws {
        try await write { db in
            _ = try SessionRecord.filter(SessionRecord.Columns.userId == userId).deleteAll(db)
        }
    }
}
