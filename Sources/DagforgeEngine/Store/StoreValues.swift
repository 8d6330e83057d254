import DagforgeWire

/// A user as the services see it (no password material).
public struct EngineUser: Sendable, Hashable {
    public let id: Int64
    public let userName: String
    public let userType: UserType
    public let state: Int
    public let tenantId: Int64
    public let email: String?
    public let timeZone: String?
    public let createTime: String
    public let updateTime: String

    public var isAdmin: Bool { userType == .ADMIN_USER }
}

/// Stored password material of a user: a salted PBKDF2 hash.
struct StoredCredentials: Sendable {
    let user: EngineUser
    let passwordHash: String
    let passwordSalt: String
}

/// A stored datasource, connection parameters included (with the password, which never goes on the wire).
struct StoredDatasource: Sendable {
    let id: Int64
    let name: String
    let type: DbType
    let note: String?
    let connectionParams: JSONValue
    let userId: Int64
    let createTime: String
    let updateTime: String
}

/// One page of a list: the rows of the page and the total number of matching rows.
struct StorePage<Item: Sendable>: Sendable {
    let items: [Item]
    let total: Int
}

/// Paging as DolphinScheduler's endpoints receive it (1-based page number).
struct PageRequest: Sendable {
    let pageNo: Int
    let pageSize: Int

    var offset: Int { (pageNo - 1) * pageSize }
}

extension UserRecord {
    var engineUser: EngineUser {
        EngineUser(id: id ?? 0, userName: userName, userType: UserType(rawValue: userType) ?? .GENERAL_USER,
                   state: state, tenantId: tenantId, email: email, timeZone: timeZone, createTime: createTime,
                   updateTime: updateTime)
    }
}
