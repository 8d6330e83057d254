import DagforgeWire
import Foundation

/// Login and logout (reference §2.2): one session per user, reused by a new login within 2 hours.
struct SessionService: Sendable {
    let store: EngineStore

    func login(userName: String, password: String, ip: String?) async throws -> LoginResult {
        guard !userName.isEmpty else { throw ServiceError(.userNameNull) }
        guard let ip, !ip.isEmpty else { throw ServiceError(.ipIsEmpty) }
        guard let credentials = try await store.credentials(userName: userName),
              PasswordHasher.verify(password, hash: credentials.passwordHash, salt: credentials.passwordSalt) else {
            throw ServiceError(.userNamePasswordError)
        }
        guard credentials.user.state == 1 else { throw ServiceError(.userDisabled) }
        let sessionId = try await store.openSession(userId: credentials.user.id, ip: ip, now: Date())
        return LoginResult(sessionId: sessionId)
    }

    func signOut(_ user: EngineUser) async throws {
        try await store.closeSessions(userId: user.id)
    }

    func userInfo(_ user: EngineUser) async throws -> User {
        let tenant = try await store.tenant(id: user.tenantId)
        return User(id: Int(user.id), userName: user.userName, email: user.email, userType: user.userType,
                    tenantId: Int(user.tenantId), state: user.state, tenantCode: tenant?.tenantCode,
                    queue: tenant?.queue, timeZone: user.timeZone, createTime: user.createTime,
                    updateTime: user.updateTime)
    }
}
