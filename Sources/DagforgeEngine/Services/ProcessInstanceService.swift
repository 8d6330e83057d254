import DagforgeWire
import Foundation

/// The `/{id}/tasks` answer: the instance state rendered with Java's `toString()` (reference §6.11 quirk).
struct InstanceTasks: Encodable, Sendable {
    let processInstanceState: String
    let taskList: [TaskInstance]
}

/// Process instances (`ProcessInstanceServiceImpl`, reference §6.11).
struct ProcessInstanceService: Sendable {
    let store: EngineStore
    let projects: ProjectService

    func list(projectCode: Int64, filter: InstanceFilter, page: PageRequest) async throws -> PageInfo<ProcessInstance> {
        _ = try await projects.existing(projectCode)
        let result = try await store.processInstances(projectCode: projectCode, filter: filter, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func triggered(projectCode: Int64, triggerCode: Int64) async throws -> [ProcessInstance] {
        _ = try await projects.existing(projectCode)
        return try await store.processInstances(projectCode: projectCode, triggerCode: triggerCode)
    }

    func detail(projectCode: Int64, id: Int) async throws -> ProcessInstance {
        try await existing(projectCode: projectCode, id: id, withDag: true)
    }

    func tasks(projectCode: Int64, id: Int) async throws -> InstanceTasks {
        let instance = try await existing(projectCode: projectCode, id: id, withDag: false)
        return InstanceTasks(processInstanceState: instance.state.javaDescription,
                             taskList: try await store.taskInstances(processInstanceId: Int64(id)))
    }

    /// Deletes a finished instance with its task instances, sub-process instances and log files.
    func delete(projectCode: Int64, id: Int) async throws {
        let instance = try await existing(projectCode: projectCode, id: id, withDag: false)
        guard instance.state.isFinished else {
            throw ServiceError(.processInstanceStateOperationError, .text(instance.name), .text(instance.state.javaDescription),
                               "delete")
        }
        for path in try await store.deleteProcessInstance(id: Int64(id)) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    private func existing(projectCode: Int64, id: Int, withDag: Bool) async throws -> ProcessInstance {
        _ = try await projects.existing(projectCode)
        guard let instance = try await store.processInstance(id: Int64(id), withDag: withDag), instance.projectCode == projectCode else {
            throw ServiceError(.processInstanceNotExist, .number(Int64(id)))
        }
        return instance
    }
}
