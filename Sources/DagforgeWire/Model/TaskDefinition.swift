/// A task definition (reference §7.1 as sent, §8.3 as returned). Server-filled fields are optional and
/// nil in requests. Decoding is lenient like DolphinScheduler's mapper (§1.7).
public struct TaskDefinition: Hashable, Sendable {
    public var code: Int64
    public var version: Int
    public var name: String
    public var description: String
    public var taskType: String
    public var taskParams: JSONValue
    public var flag: Flag?
    public var isCache: Flag?
    public var taskPriority: Priority?
    public var workerGroup: String
    public var environmentCode: Int64
    public var failRetryTimes: Int
    /// Minutes.
    public var failRetryInterval: Int
    public var timeoutFlag: TimeoutFlag?
    public var timeoutNotifyStrategy: TaskTimeoutStrategy?
    /// Minutes.
    public var timeout: Int
    /// Minutes.
    public var delayTime: Int
    public var taskGroupId: Int
    public var taskGroupPriority: Int
    public var cpuQuota: Int
    public var memoryMax: Int
    public var taskExecuteType: TaskExecuteType?

    // Returned by the server only.
    public var id: Int?
    public var projectCode: Int64?
    public var userId: Int?
    public var userName: String?
    public var projectName: String?
    public var createTime: String?
    public var updateTime: String?
    public var modifyBy: String?
    public var operator_: Int?
    public var operateTime: String?

    public init(
        code: Int64, version: Int = 1, name: String, description: String = "", taskType: String,
        taskParams: JSONValue, flag: Flag? = .YES, isCache: Flag? = .NO, taskPriority: Priority? = .MEDIUM,
        workerGroup: String = "default", environmentCode: Int64 = -1, failRetryTimes: Int = 0,
        failRetryInterval: Int = 1, timeoutFlag: TimeoutFlag? = .CLOSE, timeoutNotifyStrategy: TaskTimeoutStrategy? = nil,
        timeout: Int = 0, delayTime: Int = 0, taskGroupId: Int = 0, taskGroupPriority: Int = 0,
        cpuQuota: Int = -1, memoryMax: Int = -1, taskExecuteType: TaskExecuteType? = .BATCH
    ) {
        self.code = code
        self.version = version
        self.name = name
        self.description = description
        self.taskType = taskType
        self.taskParams = taskParams
        self.flag = flag
        self.isCache = isCache
        self.taskPriority = taskPriority
        self.workerGroup = workerGroup
        self.environmentCode = environmentCode
        self.failRetryTimes = failRetryTimes
        self.failRetryInterval = failRetryInterval
        self.timeoutFlag = timeoutFlag
        self.timeoutNotifyStrategy = timeoutNotifyStrategy
        self.timeout = timeout
        self.delayTime = delayTime
        self.taskGroupId = taskGroupId
        self.taskGroupPriority = taskGroupPriority
        self.cpuQuota = cpuQuota
        self.memoryMax = memoryMax
        self.taskExecuteType = taskExecuteType
    }

    /// `localParams` of `taskParams`, returned by the server as `taskParamList`.
    public var localParams: [Property] {
        (try? taskParams["localParams"]?.decode(as: [Property].self)) ?? []
    }
}

extension TaskDefinition: Codable {
    enum CodingKeys: String, CodingKey {
        case code, version, name, description, taskType, taskParams, flag, isCache, taskPriority, workerGroup
        case environmentCode, failRetryTimes, failRetryInterval, timeoutFlag, timeoutNotifyStrategy, timeout
        case delayTime, taskGroupId, taskGroupPriority, cpuQuota, memoryMax, taskExecuteType
        case id, projectCode, userId, userName, projectName, createTime, updateTime, modifyBy
        case operator_ = "operator", operateTime, taskParamList, taskParamMap, dependence
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = c.decodeLenient(Int64.self, forKey: .code) ?? 0
        version = c.decodeLenient(Int.self, forKey: .version) ?? 0
        name = (try? c.decodeIfPresent(String.self, forKey: .name)) ?? ""
        description = (try? c.decodeIfPresent(String.self, forKey: .description)) ?? ""
        taskType = (try? c.decodeIfPresent(String.self, forKey: .taskType)) ?? ""
        taskParams = c.decodeEmbeddedJSON(forKey: .taskParams) ?? .null
        flag = c.decodeLenient(Flag.self, forKey: .flag)
        isCache = c.decodeLenient(Flag.self, forKey: .isCache)
        taskPriority = c.decodeLenient(Priority.self, forKey: .taskPriority)
        workerGroup = (try? c.decodeIfPresent(String.self, forKey: .workerGroup)) ?? "default"
        environmentCode = c.decodeLenient(Int64.self, forKey: .environmentCode) ?? -1
        failRetryTimes = c.decodeLenient(Int.self, forKey: .failRetryTimes) ?? 0
        failRetryInterval = c.decodeLenient(Int.self, forKey: .failRetryInterval) ?? 0
        timeoutFlag = c.decodeLenient(TimeoutFlag.self, forKey: .timeoutFlag)
        timeoutNotifyStrategy = c.decodeLenient(TaskTimeoutStrategy.self, forKey: .timeoutNotifyStrategy)
        timeout = c.decodeLenient(Int.self, forKey: .timeout) ?? 0
        delayTime = c.decodeLenient(Int.self, forKey: .delayTime) ?? 0
        taskGroupId = c.decodeLenient(Int.self, forKey: .taskGroupId) ?? 0
        taskGroupPriority = c.decodeLenient(Int.self, forKey: .taskGroupPriority) ?? 0
        cpuQuota = c.decodeLenient(Int.self, forKey: .cpuQuota) ?? -1
        memoryMax = c.decodeLenient(Int.self, forKey: .memoryMax) ?? -1
        taskExecuteType = c.decodeLenient(TaskExecuteType.self, forKey: .taskExecuteType)
        id = c.decodeLenient(Int.self, forKey: .id)
        projectCode = c.decodeLenient(Int64.self, forKey: .projectCode)
        userId = c.decodeLenient(Int.self, forKey: .userId)
        userName = try? c.decodeIfPresent(String.self, forKey: .userName)
        projectName = try? c.decodeIfPresent(String.self, forKey: .projectName)
        createTime = try? c.decodeIfPresent(String.self, forKey: .createTime)
        updateTime = try? c.decodeIfPresent(String.self, forKey: .updateTime)
        modifyBy = try? c.decodeIfPresent(String.self, forKey: .modifyBy)
        operator_ = c.decodeLenient(Int.self, forKey: .operator_)
        operateTime = try? c.decodeIfPresent(String.self, forKey: .operateTime)
    }

    /// Writes every field, `null` included, as DolphinScheduler does. Server-only fields are written
    /// when set, together with the derived `taskParamList` / `taskParamMap` / `dependence`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(version, forKey: .version)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(taskType, forKey: .taskType)
        try c.encode(taskParams, forKey: .taskParams)
        try c.encodeNullable(flag, forKey: .flag)
        try c.encodeNullable(isCache, forKey: .isCache)
        try c.encodeNullable(taskPriority, forKey: .taskPriority)
        try c.encode(workerGroup, forKey: .workerGroup)
        try c.encode(environmentCode, forKey: .environmentCode)
        try c.encode(failRetryTimes, forKey: .failRetryTimes)
        try c.encode(failRetryInterval, forKey: .failRetryInterval)
        try c.encodeNullable(timeoutFlag, forKey: .timeoutFlag)
        try c.encodeNullable(timeoutNotifyStrategy, forKey: .timeoutNotifyStrategy)
        try c.encode(timeout, forKey: .timeout)
        try c.encode(delayTime, forKey: .delayTime)
        try c.encode(taskGroupId, forKey: .taskGroupId)
        try c.encode(taskGroupPriority, forKey: .taskGroupPriority)
        try c.encode(cpuQuota, forKey: .cpuQuota)
        try c.encode(memoryMax, forKey: .memoryMax)
        try c.encodeNullable(taskExecuteType, forKey: .taskExecuteType)
        guard let id else { return }
        try c.encode(id, forKey: .id)
        try c.encodeNullable(projectCode, forKey: .projectCode)
        try c.encodeNullable(userId, forKey: .userId)
        try c.encodeNullable(userName, forKey: .userName)
        try c.encodeNullable(projectName, forKey: .projectName)
        try c.encodeNullable(createTime, forKey: .createTime)
        try c.encodeNullable(updateTime, forKey: .updateTime)
        try c.encodeNullable(modifyBy, forKey: .modifyBy)
        try c.encodeNullable(operator_, forKey: .operator_)
        try c.encodeNullable(operateTime, forKey: .operateTime)
        let params = localParams
        try c.encode(params, forKey: .taskParamList)
        if params.isEmpty {
            try c.encodeNil(forKey: .taskParamMap)
        } else {
            try c.encode(Dictionary(params.map { ($0.prop, $0.value) }, uniquingKeysWith: { first, _ in first }),
                         forKey: .taskParamMap)
        }
        try c.encode(taskParams["dependence"].map { $0.compactString() } ?? "", forKey: .dependence)
    }
}

extension KeyedEncodingContainer {
    /// Encodes nil as an explicit `null`, as DolphinScheduler's responses carry every field.
    public mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
