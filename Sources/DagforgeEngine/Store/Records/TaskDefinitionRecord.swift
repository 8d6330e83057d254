import DagforgeWire
import GRDB

/// The current version of a task (`taskDefinition`). `content` is the task's compact wire JSON with the
/// server-filled fields left out; two versions are equal exactly when their contents are equal.
struct TaskDefinitionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "taskDefinition"
    enum Columns {
        static let code = Column(CodingKeys.code)
        static let projectCode = Column(CodingKeys.projectCode)
    }

    var id: Int64?
    var code: Int64
    var version: Int
    var projectCode: Int64
    var name: String
    var taskType: String
    var content: String
    var userId: Int64
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One version of a task (`taskDefinitionLog`).
struct TaskDefinitionLogRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "taskDefinitionLog"
    enum Columns {
        static let code = Column(CodingKeys.code)
        static let version = Column(CodingKeys.version)
    }

    var id: Int64?
    var code: Int64
    var version: Int
    var projectCode: Int64
    var name: String
    var taskType: String
    var content: String
    var userId: Int64
    var createTime: String
    var updateTime: String
    var `operator`: Int64
    var operateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The wire form of this version, server fields filled in.
    func wire() throws -> TaskDefinition {
        wire(content: try WireJSON.decode(TaskDefinition.self, from: content))
    }

    /// `wire()` for a version whose `content` was written from `task` (`EngineStore.taskContent`), without
    /// decoding that JSON back: a create of 10 tasks spent a sixth of its time there. `content` holds only the
    /// definition's own fields, which decode to what was encoded; the server-only fields it leaves out are
    /// reset or set here as decoding it would. `TaskVersionWireTests` hold the two ways equal.
    func wire(writtenFrom task: TaskDefinition) -> TaskDefinition {
        var task = task
        task.userName = nil
        task.projectName = nil
        task.modifyBy = nil
        return wire(content: task)
    }

    private func wire(content task: TaskDefinition) -> TaskDefinition {
        var task = task
        task.code = code
        task.version = version
        task.id = Int(id ?? 0)
        task.projectCode = projectCode
        task.userId = Int(userId)
        task.createTime = createTime
        task.updateTime = updateTime
        task.operator_ = Int(self.operator)
        task.operateTime = operateTime
        return task
    }
}

/// An edge of a workflow's current version (`processTaskRelation`).
struct ProcessTaskRelationRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "processTaskRelation"
    enum Columns {
        static let processDefinitionCode = Column(CodingKeys.processDefinitionCode)
        static let preTaskCode = Column(CodingKeys.preTaskCode)
        static let postTaskCode = Column(CodingKeys.postTaskCode)
    }

    var id: Int64?
    var projectCode: Int64
    var processDefinitionCode: Int64
    var processDefinitionVersion: Int
    var preTaskCode: Int64
    var preTaskVersion: Int
    var postTaskCode: Int64
    var postTaskVersion: Int
    var name: String
    var conditionType: String?
    var conditionParams: String
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func wire(operator: Int64, operateTime: String) -> ProcessTaskRelation {
        var relation = ProcessTaskRelation(preTaskCode: preTaskCode, preTaskVersion: preTaskVersion,
                                           postTaskCode: postTaskCode, postTaskVersion: postTaskVersion)
        relation.name = name
        relation.conditionType = conditionType.flatMap(ConditionType.init(rawValue:))
        relation.conditionParams = (try? WireJSON.decode(JSONValue.self, from: conditionParams)) ?? .object([:])
        relation.id = Int(id ?? 0)
        relation.projectCode = projectCode
        relation.processDefinitionCode = processDefinitionCode
        relation.processDefinitionVersion = processDefinitionVersion
        relation.createTime = createTime
        relation.updateTime = updateTime
        relation.operator_ = Int(`operator`)
        relation.operateTime = operateTime
        return relation
    }
}

/// A SUB_PROCESS or DEPENDENT task of `sourceCode` that points at workflow `targetCode`.
struct DefinitionReferenceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "definitionReference"
    enum Columns {
        static let sourceCode = Column(CodingKeys.sourceCode)
        static let targetCode = Column(CodingKeys.targetCode)
    }

    var sourceCode: Int64
    var sourceTaskName: String
    var targetCode: Int64
    var kind: String
}
