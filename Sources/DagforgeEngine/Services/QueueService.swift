import DagforgeWire

/// YARN queues (`QueueServiceImpl`): admin only, queue name and value each unique.
struct QueueService: Sendable {
    let store: EngineStore

    func create(caller: EngineUser, queue: String, queueName: String) async throws -> Queue {
        try check(caller: caller, queue: queue, queueName: queueName)
        if try await store.queueValueTaken(queue) { throw ServiceError(.queueValueExist, .text(queue)) }
        if try await store.queueNameTaken(queueName) { throw ServiceError(.queueNameExist, .text(queueName)) }
        return try await store.createQueue(name: queueName, value: queue)
    }

    func update(caller: EngineUser, id: Int, queue: String, queueName: String) async throws -> Queue {
        try check(caller: caller, queue: queue, queueName: queueName)
        guard let existing = try await store.queue(id: Int64(id)) else { throw ServiceError(.queueNotExist, .number(Int64(id))) }
        if existing.queue == queue, existing.queueName == queueName { throw ServiceError(.needNotUpdateQueue) }
        if try await store.queueValueTaken(queue, excluding: Int64(id)) { throw ServiceError(.queueValueExist, .text(queue)) }
        if try await store.queueNameTaken(queueName, excluding: Int64(id)) { throw ServiceError(.queueNameExist, .text(queueName)) }
        guard let updated = try await store.updateQueue(id: Int64(id), name: queueName, value: queue) else {
            throw ServiceError(.queueNotExist, .number(Int64(id)))
        }
        return updated
    }

    func verify(queue: String, queueName: String) async throws {
        guard !queue.isEmpty else { throw ServiceError(.requestParamsNotValid, "queue") }
        guard !queueName.isEmpty else { throw ServiceError(.requestParamsNotValid, "queueName") }
        if try await store.queueValueTaken(queue) { throw ServiceError(.queueValueExist, .text(queue)) }
        if try await store.queueNameTaken(queueName) { throw ServiceError(.queueNameExist, .text(queueName)) }
    }

    func delete(caller: EngineUser, id: Int) async throws {
        guard caller.isAdmin else { throw ServiceError(.userNoOperationPerm) }
        guard try await store.queue(id: Int64(id)) != nil else { throw ServiceError(.queueNotExist, .number(Int64(id))) }
        let tenants = try await store.tenantCount(queueId: Int64(id))
        guard tenants == 0 else { throw ServiceError(.deleteQueueByIdFailTenants, .number(Int64(tenants))) }
        _ = try await store.deleteQueue(id: Int64(id))
    }

    func list(searchVal: String?, page: PageRequest) async throws -> PageInfo<Queue> {
        let result = try await store.queues(searchVal: searchVal, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func all() async throws -> [Queue] { try await store.queues() }

    private func check(caller: EngineUser, queue: String, queueName: String) throws {
        guard caller.isAdmin else { throw ServiceError(.userNoOperationPerm) }
        guard !queue.isEmpty else { throw ServiceError(.requestParamsNotValid, "queue") }
        guard !queueName.isEmpty else { throw ServiceError(.requestParamsNotValid, "queueName") }
    }
}
