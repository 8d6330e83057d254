import DagforgeWire
import GRDB

extension EngineStore {
    private static let tenantSelect = """
        SELECT tenant.*, queue.id AS qid, queue.queueName AS qname, queue.queue AS qvalue
        FROM tenant LEFT JOIN queue ON queue.id = tenant.queueId
        """

    private static func tenant(from row: Row) throws -> Tenant {
        let record = try TenantRecord(row: row)
        var tenant = record.wire(queue: nil)
        tenant.queueName = row["qname"]
        tenant.queue = row["qvalue"]
        return tenant
    }

    func tenants() async throws -> [Tenant] {
        try await read { db in
            try Row.fetchAll(db, sql: Self.tenantSelect + " ORDER BY tenant.id").map(Self.tenant(from:))
        }
    }

    func tenants(searchVal: String?, page: PageRequest) async throws -> StorePage<Tenant> {
        try await read { db in
            var filter = ""
            var arguments: StatementArguments = []
            if let searchVal, !searchVal.isEmpty {
                filter = " WHERE tenant.tenantCode LIKE ? ESCAPE '\\'"
                arguments = [containsPattern(searchVal)]
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tenant" + filter, arguments: arguments) ?? 0
            let items = try Row.fetchAll(db, sql: Self.tenantSelect + filter + " ORDER BY tenant.updateTime DESC LIMIT ? OFFSET ?",
                                         arguments: arguments + [page.pageSize, page.offset]).map(Self.tenant(from:))
            return StorePage(items: items, total: total)
        }
    }

    func tenant(id: Int64) async throws -> Tenant? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.tenantSelect + " WHERE tenant.id = ?", arguments: [id]).map(Self.tenant(from:))
        }
    }

    func tenantCodeTaken(_ code: String, excluding id: Int64? = nil) async throws -> Bool {
        try await read { db in
            try TenantRecord.filter(TenantRecord.Columns.tenantCode == code).filter(Column("id") != (id ?? 0)).fetchCount(db) > 0
        }
    }

    func createTenant(code: String, queueId: Int64, description: String?) async throws -> Tenant {
        try await write { db in
            let now = Self.now()
            let nextId = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM tenant").map { max($0, 0) + 1 } ?? 1
            var record = TenantRecord(id: nextId, tenantCode: code, description: description, queueId: queueId,
                                      createTime: now, updateTime: now)
            try record.insert(db)
            return try Row.fetchOne(db, sql: Self.tenantSelect + " WHERE tenant.id = ?", arguments: [nextId])
                .map(Self.tenant(from:)) ?? record.wire(queue: nil)
        }
    }

    func updateTenant(id: Int64, code: String, queueId: Int64, description: String?) async throws -> Bool {
        try await write { db in
            guard var record = try TenantRecord.fetchOne(db, key: id) else { return false }
            record.tenantCode = code
            record.queueId = queueId
            record.description = description
            record.updateTime = Self.now()
            try record.update(db)
            return true
        }
    }

    /// How many users and schedules use tenant `id` (delete preconditions).
    func tenantUsage(id: Int64, code: String) async throws -> (users: Int, schedules: Int) {
        try await read { db in
            let users = try UserRecord.filter(Column("tenantId") == id).fetchCount(db)
            let schedules = try ScheduleRecord.filter(Column("tenantCode") == code).fetchCount(db)
            return (users, schedules)
        }
    }

    func deleteTenant(id: Int64) async throws -> Bool {
        try await write { db in try TenantRecord.deleteOne(db, key: id) }
    }
}
