import DagforgeWire

/// Worker groups (reference §6.3): admin only; addresses must be registered workers (here: this machine).
struct WorkerGroupService: Sendable {
    let store: EngineStore
    let worker: LocalWorker

    func save(caller: EngineUser, id: Int, name: String, addrList: String, description: String?,
              otherParamsJson: String?) async throws -> WorkerGroup {
        guard caller.isAdmin else { throw ServiceError(.userNoOperationPerm) }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ServiceError(.nameNull) }
        if try await store.workerGroupNameTaken(name, excluding: Int64(id)) { throw ServiceError(.nameExist, .text(name)) }
        let addresses = addrList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let invalid = addresses.first(where: { !worker.isRegistered($0) }) {
            throw ServiceError(.workerAddressInvalid, .text(invalid))
        }
        return try await store.saveWorkerGroup(id: Int64(id), name: name, addrList: addresses.joined(separator: ","),
                                               description: description ?? "", otherParamsJson: otherParamsJson ?? "")
    }

    func list(searchVal: String?, page: PageRequest) async throws -> PageInfo<WorkerGroup> {
        let result = try await store.workerGroups(searchVal: searchVal, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    /// Names of all worker groups; `default` is always there.
    func names() async throws -> [String] {
        let names = try await store.workerGroups().map(\.name)
        return names.contains("default") ? names : names + ["default"]
    }

    func delete(caller: EngineUser, id: Int) async throws {
        guard caller.isAdmin else { throw ServiceError(.userNoOperationPerm) }
        guard let group = try await store.workerGroup(id: Int64(id)) else { throw ServiceError(.deleteWorkerGroupNotExist) }
        guard !group.systemDefault else { throw ServiceError(.deleteWorkerGroupFail) }
        let workflows = try await store.schedulesUsing(workerGroup: group.name)
        guard workflows.isEmpty else {
            throw ServiceError(.workerGroupDependentSchedulerExists, .number(Int64(workflows.count)),
                               .text(workflows.joined(separator: ",")))
        }
        _ = try await store.deleteWorkerGroup(id: Int64(id))
    }

    func addresses() -> [String] { [worker.address] }
}
