import DagforgeWire
import GRDB

struct ProjectRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "project"
    enum Columns {
        static let code = Column(CodingKeys.code)
        static let name = Column(CodingKeys.name)
    }

    var id: Int64?
    var code: Int64
    var name: String
    var description: String?
    var userId: Int64
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func wire(userName: String?, defCount: Int = 0) -> Project {
        Project(id: Int(id ?? 0), userId: Int(userId), userName: userName, code: code, name: name,
                description: description, createTime: createTime, updateTime: updateTime, defCount: defCount)
    }
}
