// Reference data a deployer maps names onto (reference §6.2–6.5).

public struct Tenant: Codable, Hashable, Sendable {
    public var id: Int
    public var tenantCode: String
    public var description: String?
    public var queueId: Int
    public var queueName: String?
    public var queue: String?
    public var createTime: String?
    public var updateTime: String?

    public init(id: Int, tenantCode: String, description: String?, queueId: Int, queueName: String?, queue: String?,
                createTime: String?, updateTime: String?) {
        self.id = id
        self.tenantCode = tenantCode
        self.description = description
        self.queueId = queueId
        self.queueName = queueName
        self.queue = queue
        self.createTime = createTime
        self.updateTime = updateTime
    }
}

public struct WorkerGroup: Codable, Hashable, Sendable {
    public var id: Int
    public var name: String
    public var addrList: String
    public var createTime: String?
    public var updateTime: String?
    public var description: String?
    public var systemDefault: Bool
    public var otherParamsJson: String?

    public init(id: Int, name: String, addrList: String, createTime: String?, updateTime: String?,
                description: String?, systemDefault: Bool, otherParamsJson: String?) {
        self.id = id
        self.name = name
        self.addrList = addrList
        self.createTime = createTime
        self.updateTime = updateTime
        self.description = description
        self.systemDefault = systemDefault
        self.otherParamsJson = otherParamsJson
    }
}

public struct EnvironmentInfo: Codable, Hashable, Sendable {
    public var id: Int
    public var code: Int64
    public var name: String
    public var config: String?
    public var description: String?
    public var workerGroups: [String]?
    public var `operator`: Int?
    public var createTime: String?
    public var updateTime: String?

    public init(id: Int, code: Int64, name: String, config: String?, description: String?, workerGroups: [String]?) {
        self.id = id
        self.code = code
        self.name = name
        self.config = config
        self.description = description
        self.workerGroups = workerGroups
    }
}

public struct DataSource: Codable, Hashable, Sendable {
    public var id: Int
    public var userId: Int
    public var userName: String?
    public var name: String
    public var note: String?
    public var type: DbType
    /// JSON text; passwords masked in responses.
    public var connectionParams: String?
    public var createTime: String?
    public var updateTime: String?

    public init(id: Int, userId: Int, userName: String?, name: String, note: String?, type: DbType,
                connectionParams: String?, createTime: String?, updateTime: String?) {
        self.id = id
        self.userId = userId
        self.userName = userName
        self.name = name
        self.note = note
        self.type = type
        self.connectionParams = connectionParams
        self.createTime = createTime
        self.updateTime = updateTime
    }
}

/// `data` of a successful `POST /login`.
public struct LoginResult: Codable, Hashable, Sendable {
    public var sessionId: String
    public var securityConfigType: String

    public init(sessionId: String, securityConfigType: String = "PASSWORD") {
        self.sessionId = sessionId
        self.securityConfigType = securityConfigType
    }
}
