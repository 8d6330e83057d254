import DagforgeWire
import GRDB

struct QueueRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "queue"
    enum Columns {
        static let queueName = Column(CodingKeys.queueName)
        static let queue = Column(CodingKeys.queue)
    }

    var id: Int64?
    var queueName: String
    var queue: String
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var wire: Queue {
        Queue(id: Int(id ?? 0), queueName: queueName, queue: queue, createTime: createTime, updateTime: updateTime)
    }
}

struct TenantRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "tenant"
    enum Columns {
        static let tenantCode = Column(CodingKeys.tenantCode)
        static let queueId = Column(CodingKeys.queueId)
    }

    var id: Int64?
    var tenantCode: String
    var description: String?
    var queueId: Int64
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func wire(queue: QueueRecord?) -> Tenant {
        Tenant(id: Int(id ?? 0), tenantCode: tenantCode, description: description, queueId: Int(queueId),
               queueName: queue?.queueName, queue: queue?.queue, createTime: createTime, updateTime: updateTime)
    }
}

struct WorkerGroupRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "workerGroup"
    enum Columns {
        static let name = Column(CodingKeys.name)
    }

    var id: Int64?
    var name: String
    var addrList: String
    var description: String?
    var otherParamsJson: String?
    var systemDefault: Bool
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var wire: WorkerGroup {
        WorkerGroup(id: Int(id ?? 0), name: name, addrList: addrList, createTime: createTime, updateTime: updateTime,
                    description: description, systemDefault: systemDefault, otherParamsJson: otherParamsJson)
    }
}

struct EnvironmentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "environment"
    enum Columns {
        static let code = Column(CodingKeys.code)
        static let name = Column(CodingKeys.name)
    }

    var id: Int64?
    var code: Int64
    var name: String
    var config: String
    var description: String?
    /// JSON array of worker group names.
    var workerGroups: String
    var `operator`: Int64
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var wire: EnvironmentInfo {
        var info = EnvironmentInfo(id: Int(id ?? 0), code: code, name: name, config: config, description: description,
                                   workerGroups: (try? WireJSON.decode([String].self, from: workerGroups)) ?? [])
        info.operator = Int(self.operator)
        info.createTime = createTime
        info.updateTime = updateTime
        return info
    }
}

struct DatasourceRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "datasource"
    enum Columns {
        static let name = Column(CodingKeys.name)
        static let type = Column(CodingKeys.type)
    }

    var id: Int64?
    var name: String
    var type: String
    var note: String?
    /// JSON object text with the password in clear (the engine needs it to connect); masked on the wire.
    var connectionParams: String
    var userId: Int64
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
