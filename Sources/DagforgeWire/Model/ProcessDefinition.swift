/// A process (workflow) definition as returned (reference §8.2). `globalParams` and `locations` are JSON
/// text on the wire, exactly as DolphinScheduler stores them; `globalParamList`/`globalParamMap` are derived.
public struct ProcessDefinition: Hashable, Sendable {
    public var id: Int
    public var code: Int64
    public var name: String
    public var description: String
    public var version: Int
    public var releaseState: ReleaseState?
    public var projectCode: Int64
    public var projectName: String?
    public var globalParams: String
    public var createTime: String?
    public var updateTime: String?
    public var flag: Flag
    public var userId: Int
    public var userName: String?
    public var locations: String?
    public var scheduleReleaseState: ReleaseState?
    public var schedule: Schedule?
    /// Minutes; 0 = none.
    public var timeout: Int
    public var modifyBy: String?
    public var warningGroupId: Int?
    public var executionType: ProcessExecutionType
    public var operator_: Int?
    public var operateTime: String?

    public init(
        id: Int, code: Int64, name: String, description: String = "", version: Int, releaseState: ReleaseState?,
        projectCode: Int64, globalParams: String = "[]", flag: Flag = .YES, userId: Int, locations: String? = nil,
        timeout: Int = 0, executionType: ProcessExecutionType = .PARALLEL
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.description = description
        self.version = version
        self.releaseState = releaseState
        self.projectCode = projectCode
        self.globalParams = globalParams
        self.flag = flag
        self.userId = userId
        self.locations = locations
        self.timeout = timeout
        self.executionType = executionType
    }

    public var globalParamList: [Property] {
        (try? WireJSON.decode([Property].self, from: globalParams)) ?? []
    }
}

extension ProcessDefinition: Codable {
    enum CodingKeys: String, CodingKey {
        case id, code, name, description, version, releaseState, projectCode, projectName, globalParams
        case globalParamList, globalParamMap, createTime, updateTime, flag, userId, userName, locations
        case scheduleReleaseState, schedule, timeout, modifyBy, warningGroupId, executionType
        case operator_ = "operator", operateTime
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.decodeLenient(Int.self, forKey: .id) ?? 0
        code = c.decodeLenient(Int64.self, forKey: .code) ?? 0
        name = (try? c.decodeIfPresent(String.self, forKey: .name)) ?? ""
        description = (try? c.decodeIfPresent(String.self, forKey: .description)) ?? ""
        version = c.decodeLenient(Int.self, forKey: .version) ?? 0
        releaseState = c.decodeLenient(ReleaseState.self, forKey: .releaseState)
        projectCode = c.decodeLenient(Int64.self, forKey: .projectCode) ?? 0
        projectName = try? c.decodeIfPresent(String.self, forKey: .projectName)
        globalParams = (try? c.decodeIfPresent(String.self, forKey: .globalParams)) ?? "[]"
        createTime = try? c.decodeIfPresent(String.self, forKey: .createTime)
        updateTime = try? c.decodeIfPresent(String.self, forKey: .updateTime)
        flag = c.decodeLenient(Flag.self, forKey: .flag) ?? .YES
        userId = c.decodeLenient(Int.self, forKey: .userId) ?? 0
        userName = try? c.decodeIfPresent(String.self, forKey: .userName)
        locations = try? c.decodeIfPresent(String.self, forKey: .locations)
        scheduleReleaseState = c.decodeLenient(ReleaseState.self, forKey: .scheduleReleaseState)
        schedule = try? c.decodeIfPresent(Schedule.self, forKey: .schedule)
        timeout = c.decodeLenient(Int.self, forKey: .timeout) ?? 0
        modifyBy = try? c.decodeIfPresent(String.self, forKey: .modifyBy)
        warningGroupId = c.decodeLenient(Int.self, forKey: .warningGroupId)
        executionType = c.decodeLenient(ProcessExecutionType.self, forKey: .executionType) ?? .PARALLEL
        operator_ = c.decodeLenient(Int.self, forKey: .operator_)
        operateTime = try? c.decodeIfPresent(String.self, forKey: .operateTime)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(version, forKey: .version)
        try c.encodeNullable(releaseState, forKey: .releaseState)
        try c.encode(projectCode, forKey: .projectCode)
        try c.encodeNullable(projectName, forKey: .projectName)
        try c.encode(globalParams, forKey: .globalParams)
        let params = globalParamList
        try c.encode(params, forKey: .globalParamList)
        try c.encode(Dictionary(params.map { ($0.prop, $0.value) }, uniquingKeysWith: { first, _ in first }),
                     forKey: .globalParamMap)
        try c.encodeNullable(createTime, forKey: .createTime)
        try c.encodeNullable(updateTime, forKey: .updateTime)
        try c.encode(flag, forKey: .flag)
        try c.encode(userId, forKey: .userId)
        try c.encodeNullable(userName, forKey: .userName)
        try c.encodeNullable(locations, forKey: .locations)
        try c.encodeNullable(scheduleReleaseState, forKey: .scheduleReleaseState)
        try c.encodeNullable(schedule, forKey: .schedule)
        try c.encode(timeout, forKey: .timeout)
        try c.encodeNullable(modifyBy, forKey: .modifyBy)
        try c.encodeNullable(warningGroupId, forKey: .warningGroupId)
        try c.encode(executionType, forKey: .executionType)
        if operateTime != nil {
            try c.encodeNullable(operator_, forKey: .operator_)
            try c.encodeNullable(operateTime, forKey: .operateTime)
        }
    }
}

/// A definition with its DAG (reference §8.1): what `GET /{code}`, `query-by-name`, `/list` and `/all` return.
public struct DagData: Codable, Hashable, Sendable {
    public var processDefinition: ProcessDefinition
    public var processTaskRelationList: [ProcessTaskRelation]
    public var taskDefinitionList: [TaskDefinition]

    public init(processDefinition: ProcessDefinition, processTaskRelationList: [ProcessTaskRelation],
                taskDefinitionList: [TaskDefinition]) {
        self.processDefinition = processDefinition
        self.processTaskRelationList = processTaskRelationList
        self.taskDefinitionList = taskDefinitionList
    }
}

/// One element of DolphinScheduler's export file (reference §11.1): a DagData plus its schedule.
public struct DagDataSchedule: Codable, Hashable, Sendable {
    public var processDefinition: ProcessDefinition
    public var processTaskRelationList: [ProcessTaskRelation]
    public var taskDefinitionList: [TaskDefinition]
    public var schedule: Schedule?

    public init(dag: DagData, schedule: Schedule?) {
        self.processDefinition = dag.processDefinition
        self.processTaskRelationList = dag.processTaskRelationList
        self.taskDefinitionList = dag.taskDefinitionList
        self.schedule = schedule
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(processDefinition, forKey: .processDefinition)
        try c.encode(processTaskRelationList, forKey: .processTaskRelationList)
        try c.encode(taskDefinitionList, forKey: .taskDefinitionList)
        try c.encodeNullable(schedule, forKey: .schedule)
    }
}
