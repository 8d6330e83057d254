import Foundation
import Hummingbird

/// DolphinScheduler's login interceptor (reference §2.1): a non-empty `token` header must name an unexpired
/// access token (and decides alone, even if a session is also sent); otherwise the `sessionId` header, then
/// the `sessionId` cookie, must name a session. Disabled users are refused.
struct Authenticator: Sendable {
    let store: EngineStore

    func user(for request: Request) async throws -> EngineUser? {
        let user: EngineUser?
        if let token = request.headers[.init("token")!], !token.isEmpty {
            user = try await store.user(token: token, now: Date())
        } else if let session = sessionId(request) {
            user = try await store.user(sessionId: session)
        } else {
            user = nil
        }
        guard let user, user.state == 1 else { return nil }
        return user
    }

    private func sessionId(_ request: Request) -> String? {
        if let header = request.headers[.init("sessionId")!], !header.isEmpty { return header }
        for cookieHeader in request.headers[values: .cookie] {
            for cookie in cookieHeader.split(separator: ";") {
                let pair = cookie.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == "sessionId" {
                    return String(pair[1]).trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}
