import DagforgeWire
import Foundation
import GRDB

extension EngineStore {
    func createAccessToken(userId: Int64, token: String, expireTime: String, expireEpoch: Double) async throws -> AccessToken? {
        try await write { db in
            guard let user = try UserRecord.fetchOne(db, key: userId) else { return nil }
            let now = Self.now()
            var record = AccessTokenRecord(id: nil, userId: userId, token: token, expireTime: expireTime,
                                           expireEpoch: expireEpoch, createTime: now, updateTime: now)
            try record.insert(db)
            return record.wire(userName: user.userName)
        }
    }

    func accessTokens(searchVal: String?, page: PageRequest, userId: Int64?) async throws -> StorePage<AccessToken> {
        try await read { db in
            var conditions = ["1 = 1"]
            var arguments: StatementArguments = []
            if let searchVal, !searchVal.isEmpty {
                conditions.append("user.userName LIKE ? ESCAPE '\\'")
                arguments += [containsPattern(searchVal)]
            }
            if let userId {
                conditions.append("accessToken.userId = ?")
                arguments += [userId]
            }
            let from = "FROM accessToken JOIN user ON user.id = accessToken.userId WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) " + from, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT accessToken.*, user.userName AS userName " + from
                                        + " ORDER BY accessToken.updateTime DESC LIMIT ? OFFSET ?",
                                        arguments: arguments + [page.pageSize, page.offset])
            let items = try rows.map { row in try AccessTokenRecord(row: row).wire(userName: row["userName"]) }
            return StorePage(items: items, total: total)
        }
    }

    func accessTokens(userId: Int64) async throws -> [AccessToken] {
        try await read { db in
            let userName = try UserRecord.fetchOne(db, key: userId)?.userName
            return try AccessTokenRecord.filter(AccessTokenRecord.Columns.userId == userId).fetchAll(db)
                .map { $0.wire(userName: userName) }
        }
    }

    /// Replaces user, expiry and token of token `id`; nil when it does not exist.
    func updateAccessToken(id: Int64, userId: Int64, token: String, expireTime: String, expireEpoch: Double) async throws -> AccessToken? {
        try await write { db in
            guard var record = try AccessTokenRecord.fetchOne(db, key: id) else { return nil }
            record.userId = userId
            record.token = token
            record.expireTime = expireTime
            record.expireEpoch = expireEpoch
            record.updateTime = Self.now()
            try record.update(db)
            return record.wire(userName: try UserRecord.fetchOne(db, key: userId)?.userName)
        }
    }

    /// The owner of token `id`, nil when it does not exist.
    func accessTokenOwner(id: Int64) async throws -> Int64? {
        try await read { db in try AccessTokenRecord.fetchOne(db, key: id)?.userId }
    }

    func deleteAccessToken(id: Int64) async throws -> Bool {
        try await write { db in try AccessTokenRecord.deleteOne(db, key: id) }
    }
}
