import DagforgeWire

/// Environments (`EnvironmentServiceImpl`): shell snippets a task runs under, unique by name.
struct EnvironmentService: Sendable {
    let store: EngineStore
    let codes: CodeGenerator

    func create(caller: EngineUser, name: String, config: String, description: String?, workerGroups: String?) async throws -> Int64 {
        let groups = try check(caller: caller, name: name, config: config, description: description, workerGroups: workerGroups)
        if try await store.environmentNameTaken(name) { throw ServiceError(.environmentNameExists, .text(name)) }
        let code = codes.next()
        _ = try await store.createEnvironment(code: code, name: name, config: config, description: description,
                                              workerGroups: groups, operator: caller.id)
        return code
    }

    func update(caller: EngineUser, code: Int64, name: String, config: String, description: String?,
                workerGroups: String?) async throws -> EnvironmentInfo {
        let groups = try check(caller: caller, name: name, config: config, description: description, workerGroups: workerGroups)
        if try await store.environmentNameTaken(name, excludingCode: code) {
            throw ServiceError(.environmentNameExists, .text(name))
        }
        guard let updated = try await store.updateEnvironment(code: code, name: name, config: config, description: description,
                                                              workerGroups: groups, operator: caller.id) else {
            throw ServiceError(.queryEnvironmentByCodeError, .text(String(code)))
        }
        return updated
    }

    func environment(code: Int64) async throws -> EnvironmentInfo {
        guard let environment = try await store.environment(code: code) else {
            throw ServiceError(.queryEnvironmentByCodeError, .text(String(code)))
        }
        return environment
    }

    func list(searchVal: String?, page: PageRequest) async throws -> PageInfo<EnvironmentInfo> {
        let result = try await store.environments(searchVal: searchVal, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func all() async throws -> [EnvironmentInfo] { try await store.environments() }

    func delete(caller: EngineUser, code: Int64) async throws {
        guard caller.isAdmin else { throw ServiceError(.userNoOperationPerm) }
        guard try await store.tasksUsing(environmentCode: code) == 0 else {
            throw ServiceError(.deleteEnvironmentRelatedTaskExists)
        }
        guard try await store.deleteEnvironment(code: code) else { throw ServiceError(.deleteEnvironmentError) }
    }

    func verify(name: String) async throws {
        guard !name.isEmpty else { throw ServiceError(.environmentNameIsNull) }
        if try await store.environmentNameTaken(name) { throw ServiceError(.environmentNameExists, .text(name)) }
    }

    private func check(caller: EngineUser, name: String, config: String, description: String?,
                       workerGroups: String?) throws -> [String] {
        guard caller.isAdmin else { throw ServiceError(.userNoOperationPerm) }
        guard !name.isEmpty else { throw ServiceError(.environmentNameIsNull) }
        guard !config.isEmpty else { throw ServiceError(.environmentConfigIsNull) }
        try ProjectService.checkDescription(description)
        guard let workerGroups, !workerGroups.isEmpty else { return [] }
        guard let groups = try? WireJSON.decode([String].self, from: workerGroups) else {
            throw ServiceError(.environmentWorkerGroupsIsInvalid)
        }
        return groups
    }
}
