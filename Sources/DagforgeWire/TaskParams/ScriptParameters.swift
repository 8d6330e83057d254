/// `taskParams` of SHELL and PYTHON tasks (reference §9.1, §9.2).
public struct ScriptParameters: Codable, Hashable, Sendable {
    public struct Resource: Codable, Hashable, Sendable {
        public var resourceName: String
        public init(resourceName: String) { self.resourceName = resourceName }
    }

    public var localParams: [Property]
    public var rawScript: String
    public var resourceList: [Resource]

    public init(rawScript: String, localParams: [Property] = [], resourceList: [Resource] = []) {
        self.rawScript = rawScript
        self.localParams = localParams
        self.resourceList = resourceList
    }

    enum CodingKeys: String, CodingKey { case localParams, rawScript, resourceList }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rawScript = try c.decode(String.self, forKey: .rawScript)
        localParams = (try? c.decodeIfPresent([Property].self, forKey: .localParams)) ?? []
        resourceList = (try? c.decodeIfPresent([Resource].self, forKey: .resourceList)) ?? []
    }
}
