import DagforgeWire
import GRDB

extension EngineStore {
    func queues() async throws -> [Queue] {
        try await read { db in try QueueRecord.order(Column("id")).fetchAll(db).map(\.wire) }
    }

    func queues(searchVal: String?, page: PageRequest) async throws -> StorePage<Queue> {
        try await read { db in
            var request = QueueRecord.all()
            if let searchVal, !searchVal.isEmpty {
                request = request.filter(sql: "queueName LIKE ? ESCAPE '\\'", arguments: [containsPattern(searchVal)])
            }
            let total = try request.fetchCount(db)
            let items = try request.order(Column("updateTime").desc).limit(page.pageSize, offset: page.offset)
                .fetchAll(db).map(\.wire)
            return StorePage(items: items, total: total)
        }
    }

    func queue(id: Int64) async throws -> Queue? {
        try await read { db in try QueueRecord.fetchOne(db, key: id)?.wire }
    }

    /// Whether another queue (not `excluding`) already has this queue name / queue value.
    func queueNameTaken(_ name: String, excluding id: Int64? = nil) async throws -> Bool {
        try await read { db in
            try QueueRecord.filter(QueueRecord.Columns.queueName == name).filter(Column("id") != (id ?? 0)).fetchCount(db) > 0
        }
    }

    func queueValueTaken(_ value: String, excluding id: Int64? = nil) async throws -> Bool {
        try await read { db in
            try QueueRecord.filter(QueueRecord.Columns.queue == value).filter(Column("id") != (id ?? 0)).fetchCount(db) > 0
        }
    }

    func createQueue(name: String, value: String) async throws -> Queue {
        try await write { db in
            let now = Self.now()
            var record = QueueRecord(id: nil, queueName: name, queue: value, createTime: now, updateTime: now)
            try record.insert(db)
            return record.wire
        }
    }

    func updateQueue(id: Int64, name: String, value: String) async throws -> Queue? {
        try await write { db in
            guard var record = try QueueRecord.fetchOne(db, key: id) else { return nil }
            record.queueName = name
            record.queue = value
            record.updateTime = Self.now()
            try record.update(db)
            return record.wire
        }
    }

    func tenantCount(queueId: Int64) async throws -> Int {
        try await read { db in try TenantRecord.filter(TenantRecord.Columns.queueId == queueId).fetchCount(db) }
    }

    func deleteQueue(id: Int64) async throws -> Bool {
        try await write { db in try QueueRecord.deleteOne(db, key: id) }
    }
}
