/// One DAG edge (reference §7.2 as sent, §8.4 as returned). `preTaskCode == 0` marks a root task.
public struct ProcessTaskRelation: Hashable, Sendable {
    public var name: String
    public var preTaskCode: Int64
    public var preTaskVersion: Int
    public var postTaskCode: Int64
    public var postTaskVersion: Int
    public var conditionType: ConditionType?
    public var conditionParams: JSONValue

    // Returned by the server only.
    public var id: Int?
    public var projectCode: Int64?
    public var processDefinitionCode: Int64?
    public var processDefinitionVersion: Int?
    public var createTime: String?
    public var updateTime: String?
    public var operator_: Int?
    public var operateTime: String?

    public init(preTaskCode: Int64, preTaskVersion: Int = 0, postTaskCode: Int64, postTaskVersion: Int = 0) {
        self.name = ""
        self.preTaskCode = preTaskCode
        self.preTaskVersion = preTaskVersion
        self.postTaskCode = postTaskCode
        self.postTaskVersion = postTaskVersion
        self.conditionType = .NONE
        self.conditionParams = .object([:])
    }
}

extension ProcessTaskRelation: Codable {
    enum CodingKeys: String, CodingKey {
        case name, preTaskCode, preTaskVersion, postTaskCode, postTaskVersion, conditionType, conditionParams
        case id, projectCode, processDefinitionCode, processDefinitionVersion, createTime, updateTime
        case operator_ = "operator", operateTime
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = (try? c.decodeIfPresent(String.self, forKey: .name)) ?? ""
        preTaskCode = c.decodeLenient(Int64.self, forKey: .preTaskCode) ?? 0
        preTaskVersion = c.decodeLenient(Int.self, forKey: .preTaskVersion) ?? 0
        postTaskCode = c.decodeLenient(Int64.self, forKey: .postTaskCode) ?? 0
        postTaskVersion = c.decodeLenient(Int.self, forKey: .postTaskVersion) ?? 0
        conditionType = c.decodeLenient(ConditionType.self, forKey: .conditionType)
        conditionParams = c.decodeEmbeddedJSON(forKey: .conditionParams) ?? .object([:])
        id = c.decodeLenient(Int.self, forKey: .id)
        projectCode = c.decodeLenient(Int64.self, forKey: .projectCode)
        processDefinitionCode = c.decodeLenient(Int64.self, forKey: .processDefinitionCode)
        processDefinitionVersion = c.decodeLenient(Int.self, forKey: .processDefinitionVersion)
        createTime = try? c.decodeIfPresent(String.self, forKey: .createTime)
        updateTime = try? c.decodeIfPresent(String.self, forKey: .updateTime)
        operator_ = c.decodeLenient(Int.self, forKey: .operator_)
        operateTime = try? c.decodeIfPresent(String.self, forKey: .operateTime)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(preTaskCode, forKey: .preTaskCode)
        try c.encode(preTaskVersion, forKey: .preTaskVersion)
        try c.encode(postTaskCode, forKey: .postTaskCode)
        try c.encode(postTaskVersion, forKey: .postTaskVersion)
        try c.encodeNullable(conditionType, forKey: .conditionType)
        try c.encode(conditionParams, forKey: .conditionParams)
        guard let id else { return }
        try c.encode(id, forKey: .id)
        try c.encodeNullable(projectCode, forKey: .projectCode)
        try c.encodeNullable(processDefinitionCode, forKey: .processDefinitionCode)
        try c.encodeNullable(processDefinitionVersion, forKey: .processDefinitionVersion)
        try c.encodeNullable(createTime, forKey: .createTime)
        try c.encodeNullable(updateTime, forKey: .updateTime)
        try c.encodeNullable(operator_, forKey: .operator_)
        try c.encodeNullable(operateTime, forKey: .operateTime)
    }
}
