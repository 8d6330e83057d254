import DagforgeWire

// Projects and the reference data a deployer maps names onto (reference §6.1–6.5).
extension DolphinClient {
    /// `GET /projects/list`: every project the user may see. There is no get-by-name (reference §6.1).
    public func listProjects() async throws -> [Project] {
        try await call(DolphinRequest(.GET, "/projects/list"), as: [Project].self)
    }

    /// `POST /projects` (answers HTTP 201).
    public func createProject(name: String, description: String = "") async throws -> Project {
        try await call(DolphinRequest(.POST, "/projects", [FormField("projectName", name), FormField("description", description)]),
                       as: Project.self)
    }

    /// `GET /datasources/list?type=`: the datasources of one DbType the user may use.
    public func listDataSources(type: DbType) async throws -> [DataSource] {
        try await call(DolphinRequest(.GET, "/datasources/list", [FormField("type", type.rawValue)]), as: [DataSource].self)
    }

    /// Every datasource the user may see, through the paged `GET /datasources` (one call per 100).
    public func allDataSources() async throws -> [DataSource] {
        try await allPages(path: "/datasources", as: DataSource.self)
    }

    /// `GET /worker-groups/all`: worker-group names (always includes `default`).
    public func workerGroupNames() async throws -> [String] {
        try await call(DolphinRequest(.GET, "/worker-groups/all"), as: [String].self)
    }

    /// `GET /tenants/list`.
    public func listTenants() async throws -> [Tenant] {
        try await call(DolphinRequest(.GET, "/tenants/list"), as: [Tenant].self)
    }

    /// `GET /environment/query-environment-list`.
    public func listEnvironments() async throws -> [EnvironmentInfo] {
        try await call(DolphinRequest(.GET, "/environment/query-environment-list"), as: [EnvironmentInfo].self)
    }

    /// Reads a paged list to the end (`pageNo`/`pageSize`, reference §3).
    func allPages<Item: Codable & Sendable>(path: String, extra: [FormField] = [], as type: Item.Type) async throws -> [Item] {
        let pageSize = 100
        var items: [Item] = []
        var pageNo = 1
        while true {
            let page = try await call(
                DolphinRequest(.GET, path, extra + [FormField("pageNo", String(pageNo)), FormField("pageSize", String(pageSize))]),
                as: PageInfo<Item>.self)
            items += page.totalList
            if page.totalList.count < pageSize || items.count >= page.total { return items }
            pageNo += 1
        }
    }
}
