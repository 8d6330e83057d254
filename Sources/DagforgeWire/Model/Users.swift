// Users, access tokens and queues (reference §2, `DAO/entity/{User,AccessToken,Queue}.java`).

/// A user as `GET /users/get-user-info` returns it. `userPassword` is on the wire in DolphinScheduler;
/// a server that stores hashes sends it empty.
public struct User: Codable, Hashable, Sendable {
    public var id: Int
    public var userName: String
    public var userPassword: String
    public var email: String?
    public var phone: String?
    public var userType: UserType
    public var tenantId: Int
    public var state: Int
    public var tenantCode: String?
    public var queueName: String?
    public var alertGroup: String?
    public var queue: String?
    public var timeZone: String?
    public var createTime: String?
    public var updateTime: String?

    public init(id: Int, userName: String, email: String?, userType: UserType, tenantId: Int, state: Int,
                tenantCode: String?, queue: String?, timeZone: String?, createTime: String?, updateTime: String?) {
        self.id = id
        self.userName = userName
        self.userPassword = ""
        self.email = email
        self.userType = userType
        self.tenantId = tenantId
        self.state = state
        self.tenantCode = tenantCode
        self.queue = queue
        self.timeZone = timeZone
        self.createTime = createTime
        self.updateTime = updateTime
    }
}

/// An access token (`POST /access-tokens`); sent back on requests as the `token` header.
public struct AccessToken: Codable, Hashable, Sendable {
    public var id: Int
    public var userId: Int
    public var token: String
    public var expireTime: String
    public var createTime: String?
    public var updateTime: String?
    public var userName: String?

    public init(id: Int, userId: Int, token: String, expireTime: String, createTime: String?, updateTime: String?,
                userName: String?) {
        self.id = id
        self.userId = userId
        self.token = token
        self.expireTime = expireTime
        self.createTime = createTime
        self.updateTime = updateTime
        self.userName = userName
    }
}

/// A YARN queue (`/queues`); tenants point at one by id.
public struct Queue: Codable, Hashable, Sendable {
    public var id: Int
    public var queueName: String
    public var queue: String
    public var createTime: String?
    public var updateTime: String?

    public init(id: Int, queueName: String, queue: String, createTime: String?, updateTime: String?) {
        self.id = id
        self.queueName = queueName
        self.queue = queue
        self.createTime = createTime
        self.updateTime = updateTime
    }
}
