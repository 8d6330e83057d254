/// A parameter (reference §7.4): global params, task `localParams` and the runtime var pool.
public struct Property: Codable, Hashable, Sendable {
    public var prop: String
    public var direct: Direct
    public var type: DataType
    public var value: String

    public init(prop: String, direct: Direct = .IN, type: DataType = .VARCHAR, value: String) {
        self.prop = prop
        self.direct = direct
        self.type = type
        self.value = value
    }

    enum CodingKeys: String, CodingKey { case prop, direct, type, value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        prop = try container.decode(String.self, forKey: .prop)
        direct = container.decodeLenient(Direct.self, forKey: .direct) ?? .IN
        type = container.decodeLenient(DataType.self, forKey: .type) ?? .VARCHAR
        if let text = try? container.decodeIfPresent(String.self, forKey: .value) {
            value = text
        } else if let raw = try? container.decodeIfPresent(JSONValue.self, forKey: .value), raw != .null {
            value = raw.stringValue ?? raw.compactString()
        } else {
            value = ""
        }
    }
}

/// One canvas position (reference §7.3); only the web UI reads it.
public struct Location: Codable, Hashable, Sendable {
    public var taskCode: Int64
    public var x: Int
    public var y: Int

    public init(taskCode: Int64, x: Int, y: Int) {
        self.taskCode = taskCode
        self.x = x
        self.y = y
    }
}
