import Foundation

/// The one JSON configuration both sides of the wire use: compact, keys sorted, slashes unescaped.
/// Sorted keys make rendering deterministic (see `JSONValue`).
public enum WireJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }

    /// Compact text of an encodable value; the form DolphinScheduler expects inside JSON-in-form fields.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder().decode(type, from: Data(text.utf8))
    }
}

extension JSONValue {
    /// Re-reads this value as a typed wire struct (e.g. `taskParams` as `SqlParameters`).
    public func decode<T: Decodable>(as type: T.Type) throws -> T {
        try WireJSON.decoder().decode(type, from: WireJSON.encoder().encode(self))
    }

    /// Converts a typed wire struct into a raw value (the value its JSON text would decode to).
    public init<T: Encodable>(encoding value: T) throws {
        self = try JSONValueEncoder.encode(value)
    }

    public func compactString() -> String {
        (try? WireJSON.string(self)) ?? "null"
    }
}
