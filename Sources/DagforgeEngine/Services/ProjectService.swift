import DagforgeWire

/// Projects (reference §6.1). Names are unique across the installation.
struct ProjectService: Sendable {
    let store: EngineStore
    let codes: CodeGenerator

    func create(caller: EngineUser, name: String, description: String?) async throws -> Project {
        try Self.checkDescription(description)
        if try await store.projectNameTaken(name) { throw ServiceError.returned(.projectAlreadyExists, .text(name)) }
        return try await store.createProject(code: codes.next(), name: name, description: description, owner: caller)
    }

    func update(caller: EngineUser, code: Int64, name: String, description: String?) async throws -> Project {
        try Self.checkDescription(description)
        guard try await store.project(code: code) != nil else { throw ServiceError(.projectNotFound, "") }
        if try await store.projectNameTaken(name, excludingCode: code) { throw ServiceError(.projectAlreadyExists, .text(name)) }
        guard let project = try await store.updateProject(code: code, name: name, description: description, owner: caller) else {
            throw ServiceError(.projectNotFound, "")
        }
        return project
    }

    /// The project with its owner and definition count, or DolphinScheduler's `project  not found `.
    func detail(_ code: Int64) async throws -> Project {
        guard let project = try await store.project(code: code) else { throw ServiceError(.projectNotFound, "") }
        return project
    }

    /// Checks that the project exists, else DolphinScheduler's `project  not found ` (returned or thrown as the
    /// caller needs). Every project-scoped request makes this check, so it is one index lookup (not the
    /// project with its definition count).
    func existing(_ code: Int64, returned: Bool = false) async throws {
        guard try await store.projectExists(code: code) else {
            throw returned ? ServiceError.returned(.projectNotFound, "") : ServiceError(.projectNotFound, "")
        }
    }

    func list(searchVal: String?, page: PageRequest) async throws -> PageInfo<Project> {
        let result = try await store.projects(searchVal: searchVal, page: page)
        return PageInfo(items: result.items, total: result.total, currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func all() async throws -> [Project] {
        try await store.projects()
    }

    func delete(code: Int64) async throws {
        _ = try await existing(code)
        guard try await store.definitionCount(projectCode: code) == 0 else {
            throw ServiceError(.deleteProjectErrorDefinesNotNull)
        }
        _ = try await store.deleteProject(code: code)
    }

    static func checkDescription(_ description: String?) throws {
        if let description, description.unicodeScalars.count > 255 { throw ServiceError(.descriptionTooLong) }
    }
}
