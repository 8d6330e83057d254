import DagforgeWire
import GRDB

extension EngineStore {
    func workerGroups() async throws -> [WorkerGroup] {
        try await read { db in try WorkerGroupRecord.order(Column("id")).fetchAll(db).map(\.wire) }
    }

    func workerGroups(searchVal: String?, page: PageRequest) async throws -> StorePage<WorkerGroup> {
        try await read { db in
            var request = WorkerGroupRecord.all()
            if let searchVal, !searchVal.isEmpty {
                request = request.filter(sql: "name LIKE ? ESCAPE '\\'", arguments: [containsPattern(searchVal)])
            }
            let total = try request.fetchCount(db)
            let items = try request.order(Column("id")).limit(page.pageSize, offset: page.offset).fetchAll(db).map(\.wire)
            return StorePage(items: items, total: total)
        }
    }

    func workerGroup(id: Int64) async throws -> WorkerGroup? {
        try await read { db in try WorkerGroupRecord.fetchOne(db, key: id)?.wire }
    }

    func workerGroupNameTaken(_ name: String, excluding id: Int64) async throws -> Bool {
        try await read { db in
            try WorkerGroupRecord.filter(WorkerGroupRecord.Columns.name == name).filter(Column("id") != id).fetchCount(db) > 0
        }
    }

    /// Inserts a worker group, or replaces group `id` when it exists.
    func saveWorkerGroup(id: Int64, name: String, addrList: String, description: String?,
                         otherParamsJson: String?) async throws -> WorkerGroup {
        try await write { db in
            let now = Self.now()
            if var record = try WorkerGroupRecord.fetchOne(db, key: id) {
                record.name = name
                record.addrList = addrList
                record.description = description
                record.otherParamsJson = otherParamsJson
                record.updateTime = now
                try record.update(db)
                return record.wire
            }
            var record = WorkerGroupRecord(id: nil, name: name, addrList: addrList, description: description,
                                           otherParamsJson: otherParamsJson, systemDefault: false,
                                           createTime: now, updateTime: now)
            try record.insert(db)
            return record.wire
        }
    }

    /// Names of the workflows whose schedule runs on worker group `name`.
    func schedulesUsing(workerGroup name: String) async throws -> [String] {
        try await read { db in
            try String.fetchAll(db, sql: """
                SELECT processDefinition.name FROM schedule
                JOIN processDefinition ON processDefinition.code = schedule.processDefinitionCode
                WHERE schedule.workerGroup = ?
                """, arguments: [name])
        }
    }

    func deleteWorkerGroup(id: Int64) async throws -> Bool {
        try await write { db in try WorkerGroupRecord.deleteOne(db, key: id) }
    }
}
