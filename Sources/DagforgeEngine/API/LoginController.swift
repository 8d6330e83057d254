import DagforgeWire
import Hummingbird

/// `LoginController` and `UsersController.getUserInfo` (reference §2.2).
struct LoginController: Sendable {
    let sessions: SessionService

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/login", "Log in with user name and password", tag: "login", error: .userLoginFailure,
                     parameters: [.required("userName"), .required("userPassword")], requiresLogin: false, handler: login),
            Endpoint(.post, "/signOut", "Log out every session of the caller", tag: "login", error: .signOutError) { input in
                try await sessions.signOut(input.caller)
                return .okNull
            },
            Endpoint(.get, "/users/get-user-info", "The logged-in user", tag: "users", error: .getUserInfoError) { input in
                try .ok(try await sessions.userInfo(input.caller))
            },
        ]
    }

    private func login(_ input: EndpointInput) async throws -> Reply {
        let result = try await sessions.login(userName: try input.string("userName"),
                                              password: try input.string("userPassword"), ip: input.remoteAddress)
        var reply = try Reply.ok(result, msg: Status.loginSuccess.template)
        reply.headers[values: .setCookie] = [
            "sessionId=\(result.sessionId); Path=/; HttpOnly",
            "securityConfigType=\(result.securityConfigType); Path=/; HttpOnly",
        ]
        return reply
    }
}
