import DagforgeWire
import GRDB

/// The current version of a workflow (`processDefinition`).
struct ProcessDefinitionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "processDefinition"
    enum Columns {
        static let code = Column(CodingKeys.code)
        static let projectCode = Column(CodingKeys.projectCode)
        static let name = Column(CodingKeys.name)
        static let updateTime = Column(CodingKeys.updateTime)
    }

    var id: Int64?
    var code: Int64
    var projectCode: Int64
    var name: String
    var version: Int
    var releaseState: String
    var description: String
    var globalParams: String
    var locations: String?
    var timeout: Int
    var executionType: String
    var warningGroupId: Int?
    var userId: Int64
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var wire: ProcessDefinition {
        var definition = ProcessDefinition(
            id: Int(id ?? 0), code: code, name: name, description: description, version: version,
            releaseState: ReleaseState(rawValue: releaseState), projectCode: projectCode, globalParams: globalParams,
            userId: Int(userId), locations: locations, timeout: timeout,
            executionType: ProcessExecutionType(rawValue: executionType) ?? .PARALLEL)
        definition.createTime = createTime
        definition.updateTime = updateTime
        definition.warningGroupId = warningGroupId
        return definition
    }
}

/// One version of a workflow, with that version's DAG as compact wire JSON.
struct ProcessDefinitionLogRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "processDefinitionLog"
    enum Columns {
        static let code = Column(CodingKeys.code)
        static let version = Column(CodingKeys.version)
    }

    var id: Int64?
    var code: Int64
    var version: Int
    var projectCode: Int64
    var name: String
    var releaseState: String
    var description: String
    var globalParams: String
    var locations: String?
    var timeout: Int
    var executionType: String
    var warningGroupId: Int?
    var userId: Int64
    var createTime: String
    var updateTime: String
    var `operator`: Int64
    var operateTime: String
    var relationsJSON: String
    var tasksJSON: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ definition: ProcessDefinitionRecord, operator: Int64, operateTime: String, relationsJSON: String,
         tasksJSON: String) {
        code = definition.code
        version = definition.version
        projectCode = definition.projectCode
        name = definition.name
        releaseState = definition.releaseState
        description = definition.description
        globalParams = definition.globalParams
        locations = definition.locations
        timeout = definition.timeout
        executionType = definition.executionType
        warningGroupId = definition.warningGroupId
        userId = definition.userId
        createTime = definition.createTime
        updateTime = definition.updateTime
        self.operator = `operator`
        self.operateTime = operateTime
        self.relationsJSON = relationsJSON
        self.tasksJSON = tasksJSON
    }

    var wire: ProcessDefinition {
        var definition = ProcessDefinition(
            id: Int(id ?? 0), code: code, name: name, description: description, version: version,
            releaseState: ReleaseState(rawValue: releaseState), projectCode: projectCode, globalParams: globalParams,
            userId: Int(userId), locations: locations, timeout: timeout,
            executionType: ProcessExecutionType(rawValue: executionType) ?? .PARALLEL)
        definition.createTime = createTime
        definition.updateTime = updateTime
        definition.warningGroupId = warningGroupId
        definition.operator_ = Int(self.operator)
        definition.operateTime = operateTime
        return definition
    }
}
