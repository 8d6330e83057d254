import DagforgeWire

/// Read-only workflow queries (reference §6.6.1): DAGs, lists, tasks, versions.
struct WorkflowQueryService: Sendable {
    struct SimpleDefinition: Encodable, Sendable {
        let id: Int
        let code: Int64
        let name: String
        let projectCode: Int64
    }

    struct CodeNameVersion: Encodable, Sendable {
        let code: Int64
        let name: String
        let version: Int
    }

    /// An unknown workflow in the task lists is an NPE in DolphinScheduler: the endpoint's generic error.
    struct UnknownDefinition: Error {}

    let store: EngineStore
    let projects: ProjectService

    func dagJSON(projectCode: Int64, code: Int64) async throws -> String {
        _ = try await projects.existing(projectCode)
        guard let json = try await store.dagDataJSON(code: code) else {
            throw ServiceError(.processDefineNotExist, .text(String(code)))
        }
        return json
    }

    func dagJSON(projectCode: Int64, name: String) async throws -> String {
        _ = try await projects.existing(projectCode)
        guard let json = try await store.dagDataJSON(projectCode: projectCode, name: name) else {
            throw ServiceError(.processDefineNotExist, .text(name))
        }
        return json
    }

    func allDagsJSON(projectCode: Int64) async throws -> String {
        _ = try await projects.existing(projectCode)
        return try await store.dagDataJSON(projectCode: projectCode)
    }

    func simpleList(projectCode: Int64) async throws -> [SimpleDefinition] {
        _ = try await projects.existing(projectCode)
        return try await store.definitions(projectCode: projectCode).map {
            SimpleDefinition(id: $0.id, code: $0.code, name: $0.name, projectCode: $0.projectCode)
        }
    }

    func codeNameVersions(projectCode: Int64) async throws -> [CodeNameVersion] {
        _ = try await projects.existing(projectCode)
        return try await store.definitions(projectCode: projectCode).map {
            CodeNameVersion(code: $0.code, name: $0.name, version: $0.version)
        }
    }

    func taskCodeNameVersions(projectCode: Int64, code: Int64) async throws -> [CodeNameVersion] {
        _ = try await projects.existing(projectCode)
        guard let tasks = try await store.dagTasks(code: code) else { throw UnknownDefinition() }
        return tasks.map { CodeNameVersion(code: $0.code, name: $0.name, version: $0.version) }
    }

    func tasks(projectCode: Int64, code: Int64) async throws -> [TaskDefinition] {
        _ = try await projects.existing(projectCode)
        guard let tasks = try await store.dagTasks(code: code) else {
            throw ServiceError(.processDefineNotExist, .text(String(code)))
        }
        return tasks
    }

    func tasks(projectCode: Int64, codes: [Int64]) async throws -> [String: [TaskDefinition]] {
        _ = try await projects.existing(projectCode)
        var result: [String: [TaskDefinition]] = [:]
        for code in codes {
            if let tasks = try await store.dagTasks(code: code) { result[String(code)] = tasks }
        }
        return result
    }

    func page(projectCode: Int64, searchVal: String?, userId: Int, page: PageRequest) async throws -> PageInfo<ProcessDefinition> {
        _ = try await projects.existing(projectCode)
        let result = try await store.definitions(projectCode: projectCode, searchVal: searchVal,
                                                 userId: userId == 0 ? nil : Int64(userId), page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func versions(projectCode: Int64, code: Int64, page: PageRequest) async throws -> PageInfo<ProcessDefinition> {
        _ = try await projects.existing(projectCode)
        guard try await store.definition(code: code) != nil else {
            throw ServiceError(.processDefineNotExist, .text(String(code)))
        }
        let result = try await store.definitionVersions(code: code, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }
}
