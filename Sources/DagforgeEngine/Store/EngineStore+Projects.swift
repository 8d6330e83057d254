import DagforgeWire
import GRDB

extension EngineStore {
    private static let projectSelect = """
        SELECT project.*, user.userName AS ownerName,
               (SELECT COUNT(*) FROM processDefinition WHERE processDefinition.projectCode = project.code) AS defCount
        FROM project LEFT JOIN user ON user.id = project.userId
        """

    private static func project(from row: Row) throws -> Project {
        try ProjectRecord(row: row).wire(userName: row["ownerName"], defCount: (row["defCount"] as Int?) ?? 0)
    }

    func projects() async throws -> [Project] {
        try await read { db in
            try Row.fetchAll(db, sql: Self.projectSelect + " ORDER BY project.id DESC").map(Self.project(from:))
        }
    }

    func projects(searchVal: String?, page: PageRequest) async throws -> StorePage<Project> {
        try await read { db in
            var filter = ""
            var arguments: StatementArguments = []
            if let searchVal, !searchVal.isEmpty {
                filter = " WHERE project.name LIKE ? ESCAPE '\\'"
                arguments = [containsPattern(searchVal)]
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM project" + filter, arguments: arguments) ?? 0
            let items = try Row.fetchAll(db, sql: Self.projectSelect + filter + " ORDER BY project.updateTime DESC, project.id DESC LIMIT ? OFFSET ?",
                                         arguments: arguments + [page.pageSize, page.offset]).map(Self.project(from:))
            return StorePage(items: items, total: total)
        }
    }

    func project(code: Int64) async throws -> Project? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.projectSelect + " WHERE project.code = ?", arguments: [code]).map(Self.project(from:))
        }
    }

    /// Whether project `code` exists (a cached statement: every project-scoped request asks).
    func projectExists(code: Int64) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM project WHERE code = ?)"),
                              arguments: [code]) ?? false
        }
    }

    func projectNameTaken(_ name: String, excludingCode code: Int64 = 0) async throws -> Bool {
        try await read { db in
            try ProjectRecord.filter(ProjectRecord.Columns.name == name).filter(ProjectRecord.Columns.code != code).fetchCount(db) > 0
        }
    }

    func createProject(code: Int64, name: String, description: String?, owner: EngineUser) async throws -> Project {
        try await write { db in
            let now = Self.now()
            var record = ProjectRecord(id: nil, code: code, name: name, description: description, userId: owner.id,
                                       createTime: now, updateTime: now)
            try record.insert(db)
            return record.wire(userName: owner.userName)
        }
    }

    /// Renames project `code` and makes `owner` its owner (DolphinScheduler's update does that).
    func updateProject(code: Int64, name: String, description: String?, owner: EngineUser) async throws -> Project? {
        try await write { db in
            guard var record = try ProjectRecord.filter(ProjectRecord.Columns.code == code).fetchOne(db) else { return nil }
            record.name = name
            record.description = description
            record.userId = owner.id
            record.updateTime = Self.now()
            try record.update(db)
            let count = try ProcessDefinitionRecord.filter(ProcessDefinitionRecord.Columns.projectCode == code).fetchCount(db)
            return record.wire(userName: owner.userName, defCount: count)
        }
    }

    func deleteProject(code: Int64) async throws -> Bool {
        try await write { db in try ProjectRecord.filter(ProjectRecord.Columns.code == code).deleteAll(db) > 0 }
    }
}
