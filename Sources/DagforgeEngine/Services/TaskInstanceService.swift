import DagforgeWire

/// Task instances (`TaskInstanceServiceImpl`, reference §6.12).
struct TaskInstanceService: Sendable {
    let store: EngineStore
    let projects: ProjectService

    func list(projectCode: Int64, filter: TaskInstanceFilter, page: PageRequest) async throws -> PageInfo<TaskInstance> {
        _ = try await projects.existing(projectCode)
        let result = try await store.taskInstances(projectCode: projectCode, filter: filter, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    /// FORCED_SUCCESS for a failed or killed task of a finished instance.
    func forceSuccess(projectCode: Int64, id: Int) async throws {
        _ = try await projects.existing(projectCode)
        guard let found = try await store.taskInstance(id: Int64(id)), found.task.projectCode == projectCode else {
            throw ServiceError(.taskInstanceNotFound)
        }
        let state = found.task.state ?? .SUBMITTED_SUCCESS
        guard found.instanceState.isFinished, [.FAILURE, .NEED_FAULT_TOLERANCE, .KILL].contains(state) else {
            throw ServiceError(.taskInstanceStateOperationError, .text(found.task.name), .text(state.rawValue))
        }
        try await store.forceTaskSuccess(id: Int64(id))
    }
}
