import DagforgeWire
import GRDB

extension DatasourceRecord {
    var stored: StoredDatasource? {
        guard let type = DbType(rawValue: type) else { return nil }
        return StoredDatasource(id: id ?? 0, name: name, type: type, note: note,
                                connectionParams: (try? WireJSON.decode(JSONValue.self, from: connectionParams)) ?? .object([:]),
                                userId: userId, createTime: createTime, updateTime: updateTime)
    }
}

extension EngineStore {
    func datasources(type: DbType) async throws -> [StoredDatasource] {
        try await read { db in
            try DatasourceRecord.filter(DatasourceRecord.Columns.type == type.rawValue).order(Column("id"))
                .fetchAll(db).compactMap(\.stored)
        }
    }

    func datasources(searchVal: String?, page: PageRequest) async throws -> StorePage<StoredDatasource> {
        try await read { db in
            var request = DatasourceRecord.all()
            if let searchVal, !searchVal.isEmpty {
                request = request.filter(sql: "name LIKE ? ESCAPE '\\'", arguments: [containsPattern(searchVal)])
            }
            let total = try request.fetchCount(db)
            let items = try request.order(Column("updateTime").desc).limit(page.pageSize, offset: page.offset)
                .fetchAll(db).compactMap(\.stored)
            return StorePage(items: items, total: total)
        }
    }

    func datasource(id: Int64) async throws -> StoredDatasource? {
        try await read { db in try DatasourceRecord.fetchOne(db, key: id)?.stored }
    }

    func datasourceNameTaken(_ name: String) async throws -> Bool {
        try await read { db in try DatasourceRecord.filter(DatasourceRecord.Columns.name == name).fetchCount(db) > 0 }
    }

    func createDatasource(name: String, type: DbType, note: String?, connectionParams: JSONValue,
                          userId: Int64) async throws -> StoredDatasource? {
        try await write { db in
            let now = Self.now()
            var record = DatasourceRecord(id: nil, name: name, type: type.rawValue, note: note,
                                          connectionParams: connectionParams.compactString(), userId: userId,
                                          createTime: now, updateTime: now)
            try record.insert(db)
            return record.stored
        }
    }

    func deleteDatasource(id: Int64) async throws -> Bool {
        try await write { db in try DatasourceRecord.deleteOne(db, key: id) }
    }
}
