import DagforgeWire
import GRDB

extension EngineStore {
    func environments() async throws -> [EnvironmentInfo] {
        try await read { db in try EnvironmentRecord.order(Column("id")).fetchAll(db).map(\.wire) }
    }

    func environments(searchVal: String?, page: PageRequest) async throws -> StorePage<EnvironmentInfo> {
        try await read { db in
            var request = EnvironmentRecord.all()
            if let searchVal, !searchVal.isEmpty {
                request = request.filter(sql: "name LIKE ? ESCAPE '\\'", arguments: [containsPattern(searchVal)])
            }
            let total = try request.fetchCount(db)
            let items = try request.order(Column("updateTime").desc).limit(page.pageSize, offset: page.offset)
                .fetchAll(db).map(\.wire)
            return StorePage(items: items, total: total)
        }
    }

    func environment(code: Int64) async throws -> EnvironmentInfo? {
        try await read { db in try EnvironmentRecord.filter(EnvironmentRecord.Columns.code == code).fetchOne(db)?.wire }
    }

    func environmentNameTaken(_ name: String, excludingCode code: Int64 = 0) async throws -> Bool {
        try await read { db in
            try EnvironmentRecord.filter(EnvironmentRecord.Columns.name == name)
                .filter(EnvironmentRecord.Columns.code != code).fetchCount(db) > 0
        }
    }

    func createEnvironment(code: Int64, name: String, config: String, description: String?, workerGroups: [String],
                           operator userId: Int64) async throws -> EnvironmentInfo {
        try await write { db in
            let now = Self.now()
            var record = EnvironmentRecord(id: nil, code: code, name: name, config: config, description: description,
                                           workerGroups: try WireJSON.string(workerGroups), operator: userId,
                                           createTime: now, updateTime: now)
            try record.insert(db)
            return record.wire
        }
    }

    func updateEnvironment(code: Int64, name: String, config: String, description: String?, workerGroups: [String],
                           operator userId: Int64) async throws -> EnvironmentInfo? {
        try await write { db in
            guard var record = try EnvironmentRecord.filter(EnvironmentRecord.Columns.code == code).fetchOne(db) else {
                return nil
            }
            record.name = name
            record.config = config
            record.description = description
            record.workerGroups = try WireJSON.string(workerGroups)
            record.operator = userId
            record.updateTime = Self.now()
            try record.update(db)
            return record.wire
        }
    }

    /// Number of current task versions that run in environment `code`.
    func tasksUsing(environmentCode code: Int64) async throws -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM taskDefinition WHERE json_extract(content, '$.environmentCode') = ?
                """, arguments: [code]) ?? 0
        }
    }

    func deleteEnvironment(code: Int64) async throws -> Bool {
        try await write { db in
            try EnvironmentRecord.filter(EnvironmentRecord.Columns.code == code).deleteAll(db) > 0
        }
    }
}
