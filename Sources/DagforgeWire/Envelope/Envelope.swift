/// DolphinScheduler's result envelope (reference §1.3): `{code, msg, data, success, failed}`.
/// `success` and `failed` are derived from `code` but are on the wire, and clients read them.
/// `data` is always present, as `null` when absent.
public struct Envelope<Payload: Codable & Sendable>: Codable, Sendable {
    public var code: Int
    public var msg: String
    public var data: Payload?

    public var success: Bool { code == 0 }
    public var failed: Bool { code != 0 }

    public init(code: Int, msg: String, data: Payload?) {
        self.code = code
        self.msg = msg
        self.data = data
    }

    public static func ok(_ data: Payload?, msg: String = "success") -> Envelope {
        Envelope(code: 0, msg: msg, data: data)
    }

    enum CodingKeys: String, CodingKey { case code, msg, data, success, failed }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(Int.self, forKey: .code)
        msg = try container.decodeIfPresent(String.self, forKey: .msg) ?? ""
        data = try container.decodeIfPresent(Payload.self, forKey: .data)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(msg, forKey: .msg)
        if let data { try container.encode(data, forKey: .data) } else { try container.encodeNil(forKey: .data) }
        try container.encode(success, forKey: .success)
        try container.encode(failed, forKey: .failed)
    }
}

/// An envelope read only for its status, whatever `data` holds.
public struct StatusEnvelope: Decodable, Sendable {
    public var code: Int
    public var msg: String

    enum CodingKeys: String, CodingKey { case code, msg }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(Int.self, forKey: .code)
        msg = try container.decodeIfPresent(String.self, forKey: .msg) ?? ""
    }
}
