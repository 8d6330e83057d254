import GRDB

struct CommandRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "command"
    enum Columns {
        static let triggerCode = Column(CodingKeys.triggerCode)
        static let claimedInstanceId = Column(CodingKeys.claimedInstanceId)
    }

    var id: Int64?
    var commandType: String
    var processDefinitionCode: Int64
    var projectCode: Int64
    var triggerCode: Int64
    var scheduleId: Int64?
    var scheduleTime: String?
    var processInstanceId: Int64?
    var startNodeList: String
    var taskDependType: String
    var failureStrategy: String
    var warningType: String
    var processInstancePriority: String
    var workerGroup: String
    var startParams: String
    var dryRun: Int
    var parallelism: Int
    var executorId: Int64
    var createTime: String
    var claimedInstanceId: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
