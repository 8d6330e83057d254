/// An enum that travels as its constant name.
public protocol WireEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable where RawValue == String {}

extension KeyedDecodingContainer {
    /// Reads an enum the way DolphinScheduler's Jackson mapper does inside JSON-in-form fields
    /// (reference §1.7): an unknown name, an empty string or a missing key becomes nil, and an
    /// ordinal number selects the case at that position.
    public func decodeLenient<E: WireEnum>(_ type: E.Type, forKey key: Key) -> E? {
        if let name = try? decodeIfPresent(String.self, forKey: key) { return E(rawValue: name) }
        if let ordinal = try? decodeIfPresent(Int.self, forKey: key) {
            let cases = Array(E.allCases)
            return cases.indices.contains(ordinal) ? cases[ordinal] : nil
        }
        return nil
    }

    /// Reads an integer that may be sent as a number or as a numeric string (the UI sends both).
    public func decodeLenient(_ type: Int64.Type, forKey key: Key) -> Int64? {
        if let value = try? decodeIfPresent(Int64.self, forKey: key) { return value }
        if let text = try? decodeIfPresent(String.self, forKey: key) {
            return Int64(text.trimmingCharacters(in: .whitespaces))
        }
        if let value = try? decodeIfPresent(Double.self, forKey: key), value.rounded() == value {
            return Int64(exactly: value)
        }
        return nil
    }

    public func decodeLenient(_ type: Int.Type, forKey key: Key) -> Int? {
        decodeLenient(Int64.self, forKey: key).flatMap { Int(exactly: $0) }
    }
}
