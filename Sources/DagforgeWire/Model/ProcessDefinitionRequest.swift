/// The form of a process-definition create (`POST …/process-definition`) or update (`PUT …/{code}`)
/// request (reference §6.6.1), with its JSON-in-form fields typed. This is what the compiler produces,
/// what the client sends and what the engine parses.
public struct ProcessDefinitionRequest: Codable, Hashable, Sendable {
    public var name: String
    public var description: String
    public var globalParams: [Property]
    /// Minutes; 0 = none.
    public var timeout: Int
    public var executionType: ProcessExecutionType
    public var taskDefinitionJson: [TaskDefinition]
    public var taskRelationJson: [ProcessTaskRelation]
    public var locations: [Location]

    public init(
        name: String, description: String = "", globalParams: [Property] = [], timeout: Int = 0,
        executionType: ProcessExecutionType = .PARALLEL, taskDefinitionJson: [TaskDefinition],
        taskRelationJson: [ProcessTaskRelation], locations: [Location] = []
    ) {
        self.name = name
        self.description = description
        self.globalParams = globalParams
        self.timeout = timeout
        self.executionType = executionType
        self.taskDefinitionJson = taskDefinitionJson
        self.taskRelationJson = taskRelationJson
        self.locations = locations
    }

    /// The form fields exactly as DolphinScheduler's controller names them, JSON fields as compact text.
    public func formFields() throws -> [(String, String)] {
        [
            ("name", name),
            ("description", description),
            ("globalParams", try WireJSON.string(globalParams)),
            ("timeout", String(timeout)),
            ("executionType", executionType.rawValue),
            ("taskDefinitionJson", try WireJSON.string(taskDefinitionJson)),
            ("taskRelationJson", try WireJSON.string(taskRelationJson)),
            ("locations", try WireJSON.string(locations)),
        ]
    }
}
