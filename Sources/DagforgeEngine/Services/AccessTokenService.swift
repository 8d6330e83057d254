import Crypto
import DagforgeWire
import Foundation

/// Access tokens (reference §2.3): only an admin, or a user for himself, may manage a user's tokens.
struct AccessTokenService: Sendable {
    let store: EngineStore

    func create(caller: EngineUser, userId: Int, expireTime: String, token: String?) async throws -> AccessToken {
        let (expire, epoch) = try check(caller: caller, userId: userId, expireTime: expireTime)
        let value = (token?.isEmpty ?? true) ? Self.generate(userId: userId, expireTime: expire) : token!
        guard let created = try await store.createAccessToken(userId: Int64(userId), token: value, expireTime: expire,
                                                              expireEpoch: epoch) else {
            throw ServiceError(.userNotExist, .number(Int64(userId)))
        }
        return created
    }

    func generate(caller: EngineUser, userId: Int, expireTime: String) throws -> String {
        let (expire, _) = try check(caller: caller, userId: userId, expireTime: expireTime)
        return Self.generate(userId: userId, expireTime: expire)
    }

    func list(caller: EngineUser, searchVal: String?, page: PageRequest) async throws -> PageInfo<AccessToken> {
        let result = try await store.accessTokens(searchVal: searchVal, page: page, userId: caller.isAdmin ? nil : caller.id)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func list(caller: EngineUser, userId: Int) async throws -> [AccessToken] {
        guard caller.isAdmin || caller.id == Int64(userId) else { throw ServiceError(.userNoOperationPerm) }
        return try await store.accessTokens(userId: Int64(userId))
    }

    func update(caller: EngineUser, id: Int, userId: Int, expireTime: String, token: String?) async throws -> AccessToken {
        let (expire, epoch) = try check(caller: caller, userId: userId, expireTime: expireTime)
        guard let owner = try await store.accessTokenOwner(id: Int64(id)) else {
            throw ServiceError(.accessTokenNotExist, .number(Int64(id)))
        }
        guard caller.isAdmin || owner == caller.id else { throw ServiceError(.userNoOperationPerm) }
        let value = (token?.isEmpty ?? true) ? Self.generate(userId: userId, expireTime: expire) : token!
        guard let updated = try await store.updateAccessToken(id: Int64(id), userId: Int64(userId), token: value,
                                                              expireTime: expire, expireEpoch: epoch) else {
            throw ServiceError(.accessTokenNotExist, .number(Int64(id)))
        }
        return updated
    }

    func delete(caller: EngineUser, id: Int) async throws {
        guard let owner = try await store.accessTokenOwner(id: Int64(id)) else {
            throw ServiceError(.accessTokenNotExist, .number(Int64(id)))
        }
        guard caller.isAdmin || owner == caller.id else { throw ServiceError(.userNoOperationPerm) }
        _ = try await store.deleteAccessToken(id: Int64(id))
    }

    private func check(caller: EngineUser, userId: Int, expireTime: String) throws -> (String, Double) {
        guard userId > 0 else { throw ServiceError(.requestParamsNotValid, "userId") }
        guard caller.isAdmin || caller.id == Int64(userId) else { throw ServiceError(.userNoOperationPerm) }
        guard let date = DolphinDate.date(expireTime) else { throw ServiceError(.requestParamsNotValid, "expireTime") }
        return (DolphinDate.string(date), date.timeIntervalSince1970)
    }

    /// MD5 hex of `userId + expireTime + now millis`, as DolphinScheduler generates tokens.
    private static func generate(userId: Int, expireTime: String) -> String {
        let seed = "\(userId)\(expireTime)\(Int64(Date().timeIntervalSince1970 * 1000))\(UUID().uuidString)"
        return Insecure.MD5.hash(data: Data(seed.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
