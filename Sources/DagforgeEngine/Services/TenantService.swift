import DagforgeWire
import Foundation

/// Tenants (reference §6.2): admin only, codes unique and shaped like Linux user names.
struct TenantService: Sendable {
    let store: EngineStore

    func create(caller: EngineUser, tenantCode: String, queueId: Int, description: String?) async throws -> Tenant {
        try await check(caller: caller, tenantCode: tenantCode, queueId: queueId, description: description)
        if try await store.tenantCodeTaken(tenantCode) { throw ServiceError(.osTenantCodeExist, .text(tenantCode)) }
        return try await store.createTenant(code: tenantCode, queueId: Int64(queueId), description: description)
    }

    func update(caller: EngineUser, id: Int, tenantCode: String, queueId: Int, description: String?) async throws {
        try await check(caller: caller, tenantCode: tenantCode, queueId: queueId, description: description)
        guard try await store.tenant(id: Int64(id)) != nil else { throw ServiceError(.tenantNotExist) }
        if try await store.tenantCodeTaken(tenantCode, excluding: Int64(id)) {
            throw ServiceError(.osTenantCodeExist, .text(tenantCode))
        }
        _ = try await store.updateTenant(id: Int64(id), code: tenantCode, queueId: Int64(queueId), description: description)
    }

    func delete(caller: EngineUser, id: Int) async throws {
        guard caller.isAdmin else { throw ServiceError(.userNoOperationPerm) }
        // DolphinScheduler leaves the placeholder of this message unfilled.
        guard let tenant = try await store.tenant(id: Int64(id)) else { throw ServiceError(.tenantNotExist) }
        let usage = try await store.tenantUsage(id: Int64(id), code: tenant.tenantCode)
        if usage.schedules > 0 { throw ServiceError(.deleteTenantByIdFailDefines, .number(Int64(usage.schedules))) }
        if usage.users > 0 { throw ServiceError(.deleteTenantByIdFailUsers, .number(Int64(usage.users))) }
        _ = try await store.deleteTenant(id: Int64(id))
    }

    func verify(tenantCode: String) async throws {
        if try await store.tenantCodeTaken(tenantCode) { throw ServiceError(.osTenantCodeExist, .text(tenantCode)) }
    }

    func list(searchVal: String?, page: PageRequest) async throws -> PageInfo<Tenant> {
        let result = try await store.tenants(searchVal: searchVal, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func all() async throws -> [Tenant] { try await store.tenants() }

    private func check(caller: EngineUser, tenantCode: String, queueId: Int, description: String?) async throws {
        guard caller.isAdmin else { throw ServiceError(.userNoOperationPerm) }
        try ProjectService.checkDescription(description)
        guard !tenantCode.isEmpty else { throw ServiceError(.requestParamsNotValid, "tenantCode") }
        guard tenantCode.count <= 30 else { throw ServiceError(.tenantFullNameTooLong) }
        guard tenantCode.range(of: "^[a-zA-Z0-9_].{0,30}$", options: .regularExpression) != nil else {
            throw ServiceError(.checkOsTenantCodeError)
        }
        guard try await store.queue(id: Int64(queueId)) != nil else { throw ServiceError(.queueNotExist, .number(Int64(queueId))) }
    }
}
