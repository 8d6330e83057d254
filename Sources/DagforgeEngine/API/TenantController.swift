import DagforgeWire

/// `TenantController` (reference §6.2).
struct TenantController: Sendable {
    let tenants: TenantService

    var endpoints: [Endpoint] {
        let fields: [EndpointParameter] = [.required("tenantCode"), .required("queueId", .int32), .optional("description")]
        return [
            Endpoint(.post, "/tenants", "Create a tenant", tag: "tenants", created: true, error: .createTenantError,
                     parameters: fields) { input in
                try .ok(try await tenants.create(caller: input.caller, tenantCode: try input.string("tenantCode"),
                                                 queueId: try input.int("queueId"),
                                                 description: input.optionalString("description")))
            },
            Endpoint(.get, "/tenants", "Tenants, paged", tag: "tenants", error: .queryTenantListPagingError,
                     parameters: [.pageNo, .pageSize, .searchVal]) { input in
                try .ok(try await tenants.list(searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.get, "/tenants/list", "All tenants", tag: "tenants", error: .queryTenantListError) { _ in
                try .ok(try await tenants.all())
            },
            Endpoint(.put, "/tenants/{id}", "Update a tenant", tag: "tenants", error: .updateTenantError,
                     parameters: [.path("id", .int32)] + fields) { input in
                try await tenants.update(caller: input.caller, id: try input.int("id"),
                                         tenantCode: try input.string("tenantCode"), queueId: try input.int("queueId"),
                                         description: input.optionalString("description"))
                return try .ok(true)
            },
            Endpoint(.delete, "/tenants/{id}", "Delete a tenant", tag: "tenants", error: .deleteTenantByIdError,
                     parameters: [.path("id", .int32)]) { input in
                try await tenants.delete(caller: input.caller, id: try input.int("id"))
                return try .ok(true)
            },
            Endpoint(.get, "/tenants/verify-code", "Check that a tenant code is free", tag: "tenants",
                     error: .verifyOsTenantCodeError, parameters: [.required("tenantCode")]) { input in
                try await tenants.verify(tenantCode: try input.string("tenantCode"))
                return try .ok(true)
            },
        ]
    }
}
