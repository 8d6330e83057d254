import DagforgeWire

/// `AccessTokenController` (reference §2.3).
struct AccessTokenController: Sendable {
    let tokens: AccessTokenService

    var endpoints: [Endpoint] {
        let fields: [EndpointParameter] = [.required("userId", .int32), .required("expireTime"), .optional("token")]
        return [
            Endpoint(.post, "/access-tokens", "Create an access token", tag: "access-tokens", created: true,
                     error: .createAccessTokenError, parameters: fields) { input in
                try .ok(try await tokens.create(caller: input.caller, userId: try input.int("userId"),
                                                expireTime: try input.string("expireTime"), token: input.optionalString("token")))
            },
            Endpoint(.post, "/access-tokens/generate", "Generate a token string without storing it", tag: "access-tokens",
                     created: true, error: .generateTokenError,
                     parameters: [.required("userId", .int32), .required("expireTime")]) { input in
                try .ok(try tokens.generate(caller: input.caller, userId: try input.int("userId"),
                                            expireTime: try input.string("expireTime")))
            },
            Endpoint(.get, "/access-tokens", "Access tokens, paged", tag: "access-tokens", error: .queryAccessTokenListPagingError,
                     parameters: [.pageNo, .pageSize, .searchVal]) { input in
                try .ok(try await tokens.list(caller: input.caller, searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.get, "/access-tokens/user/{userId}", "Access tokens of a user", tag: "access-tokens",
                     error: .queryAccessTokenByUserError, parameters: [.path("userId", .int32)]) { input in
                try .ok(try await tokens.list(caller: input.caller, userId: try input.int("userId")))
            },
            Endpoint(.put, "/access-tokens/{id}", "Update an access token", tag: "access-tokens", error: .updateAccessTokenError,
                     parameters: [.path("id", .int32)] + fields) { input in
                try .ok(try await tokens.update(caller: input.caller, id: try input.int("id"), userId: try input.int("userId"),
                                                expireTime: try input.string("expireTime"), token: input.optionalString("token")))
            },
            Endpoint(.delete, "/access-tokens/{id}", "Delete an access token", tag: "access-tokens",
                     error: .deleteAccessTokenError, parameters: [.path("id", .int32)]) { input in
                try await tokens.delete(caller: input.caller, id: try input.int("id"))
                // DolphinScheduler answers `data: false` on success (reference §16.11).
                return try .ok(false)
            },
        ]
    }
}
