extension KeyedDecodingContainer {
    /// A value DolphinScheduler sends either as JSON or as JSON text holding it (`taskParams`,
    /// `conditionParams`); text that is not JSON stays a string. nil when the key is missing or null.
    /// An object is tried first: it is what engines send, and every wrong guess costs a thrown DecodingError
    /// (a no-op plan decodes 40,000 of these).
    public func decodeEmbeddedJSON(forKey key: Key) -> JSONValue? {
        if let object = try? decodeIfPresent([String: JSONValue].self, forKey: key) { return .object(object) }
        guard let value = try? decodeIfPresent(JSONValue.self, forKey: key), value != .null else { return nil }
        if case .string(let text) = value, let parsed = try? WireJSON.decode(JSONValue.self, from: text) { return parsed }
        return value
    }
}
