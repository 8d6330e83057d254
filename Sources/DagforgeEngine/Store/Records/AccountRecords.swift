import DagforgeWire
import GRDB

/// A row of `user`. The password is stored as a salted PBKDF2 hash, never in clear.
struct UserRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "user"
    enum Columns {
        static let userName = Column(CodingKeys.userName)
    }

    var id: Int64?
    var userName: String
    var passwordHash: String
    var passwordSalt: String
    var userType: String
    var tenantId: Int64
    var email: String?
    var state: Int
    var timeZone: String?
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The one session a user has (reference §2.2).
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"
    enum Columns {
        static let userId = Column(CodingKeys.userId)
    }

    var id: String
    var userId: Int64
    var ip: String
    var lastLoginTime: Double
}

struct AccessTokenRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "accessToken"
    enum Columns {
        static let userId = Column(CodingKeys.userId)
        static let token = Column(CodingKeys.token)
        static let expireEpoch = Column(CodingKeys.expireEpoch)
    }

    var id: Int64?
    var userId: Int64
    var token: String
    var expireTime: String
    var expireEpoch: Double
    var createTime: String
    var updateTime: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func wire(userName: String?) -> AccessToken {
        AccessToken(id: Int(id ?? 0), userId: Int(userId), token: token, expireTime: expireTime,
                    createTime: createTime, updateTime: updateTime, userName: userName)
    }
}
