/// A project (reference §6.1).
public struct Project: Codable, Hashable, Sendable {
    public var id: Int
    public var userId: Int
    public var userName: String?
    public var code: Int64
    public var name: String
    public var description: String?
    public var createTime: String?
    public var updateTime: String?
    public var perm: Int
    public var defCount: Int
    public var instRunningCount: Int

    public init(id: Int, userId: Int, userName: String?, code: Int64, name: String, description: String?,
                createTime: String?, updateTime: String?, perm: Int = 0, defCount: Int = 0, instRunningCount: Int = 0) {
        self.id = id
        self.userId = userId
        self.userName = userName
        self.code = code
        self.name = name
        self.description = description
        self.createTime = createTime
        self.updateTime = updateTime
        self.perm = perm
        self.defCount = defCount
        self.instRunningCount = instRunningCount
    }
}
