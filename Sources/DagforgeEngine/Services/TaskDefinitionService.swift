import DagforgeWire

/// A task with the edges leading into it (`GET …/task-definition/{code}`).
struct TaskDefinitionDetail: Encodable, Sendable {
    let task: TaskDefinition
    let processTaskRelationList: [ProcessTaskRelation]

    enum CodingKeys: String, CodingKey { case processTaskRelationList }

    func encode(to encoder: any Encoder) throws {
        try task.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(processTaskRelationList, forKey: .processTaskRelationList)
    }
}

/// One item of the task-definition list page (`TaskMainInfo`).
struct TaskMainInfo: Codable, Sendable {
    let id: Int64
    let taskName: String
    let taskCode: Int64
    let taskVersion: Int
    let taskType: String
    let taskCreateTime: String
    let taskUpdateTime: String
    let projectCode: Int64
    let processDefinitionCode: Int64?
    let processDefinitionVersion: Int?
    let processDefinitionName: String?
    let processReleaseState: String?
    let upstreamTaskMap: [String: String]
    let upstreamTaskCode: Int64
    let upstreamTaskName: String?
}

/// Task-definition queries (reference §6.7) and task codes (§4.2), plus edge queries (§6.8).
struct TaskDefinitionService: Sendable {
    let store: EngineStore
    let codes: CodeGenerator
    let projects: ProjectService

    func generateCodes(_ count: Int) throws -> [Int64] {
        guard (1...100).contains(count) else { throw ServiceError(.dataIsNotValid, .number(Int64(count))) }
        return codes.next(count)
    }

    func detail(projectCode: Int64, code: Int64) async throws -> TaskDefinitionDetail {
        _ = try await projects.existing(projectCode)
        guard let task = try await store.task(code: code) else { throw ServiceError(.taskDefineNotExist, .text(String(code))) }
        let edges = try await store.incomingRelations(taskCode: code)
        return TaskDefinitionDetail(task: task, processTaskRelationList: edges)
    }

    func page(projectCode: Int64, searchTaskName: String?, taskType: String?, page: PageRequest) async throws -> PageInfo<TaskMainInfo> {
        _ = try await projects.existing(projectCode)
        let result = try await store.taskRows(projectCode: projectCode, searchTaskName: searchTaskName, taskType: taskType, page: page)
        let items = result.items.map { row in
            TaskMainInfo(id: row.id, taskName: row.taskName, taskCode: row.taskCode, taskVersion: row.taskVersion,
                         taskType: row.taskType, taskCreateTime: row.taskCreateTime, taskUpdateTime: row.taskUpdateTime,
                         projectCode: row.projectCode, processDefinitionCode: row.processDefinitionCode,
                         processDefinitionVersion: row.processDefinitionVersion,
                         processDefinitionName: row.processDefinitionName, processReleaseState: row.processReleaseState,
                         upstreamTaskMap: Dictionary(row.upstream.map { (String($0.code), $0.name) }, uniquingKeysWith: { a, _ in a }),
                         upstreamTaskCode: row.upstream.first?.code ?? 0, upstreamTaskName: row.upstream.first?.name)
        }
        return PageInfo(items: items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func versions(projectCode: Int64, code: Int64, page: PageRequest) async throws -> PageInfo<TaskDefinition> {
        _ = try await projects.existing(projectCode)
        let result = try await store.taskVersions(code: code, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func neighbours(projectCode: Int64, taskCode: Int64, upstream: Bool) async throws -> [TaskDefinition] {
        _ = try await projects.existing(projectCode)
        return try await store.neighbourTasks(taskCode: taskCode, upstream: upstream)
    }
}
