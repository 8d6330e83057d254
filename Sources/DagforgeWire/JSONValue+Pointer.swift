import Foundation

extension JSONValue {
    /// Returns a copy with the value at `pointer` (RFC 6901, e.g. `/a/0/b`) replaced, or nil when the path
    /// does not exist. Used to bind engine codes into `taskParams`.
    public func setting(_ pointer: String, to newValue: JSONValue) -> JSONValue? {
        guard pointer.hasPrefix("/") else { return pointer.isEmpty ? newValue : nil }
        let tokens = Self.tokens(of: pointer).map(Self.unescaped)
        return replacing(tokens[...], with: newValue)
    }

    /// The value at `pointer`, or nil.
    public func value(at pointer: String) -> JSONValue? {
        guard !pointer.isEmpty else { return self }
        var current: JSONValue? = self
        for token in Self.tokens(of: pointer) {
            let key = Self.unescaped(token)
            switch current {
            case .object(let object)?: current = object[key]
            case .array(let array)?:
                guard let index = Int(key), array.indices.contains(index) else { return nil }
                current = array[index]
            default: return nil
            }
        }
        return current
    }

    /// The tokens of a pointer that starts with `/`, split on the UTF-8 bytes (a split by `Character` walks
    /// grapheme boundaries, and the deployer splits one pointer per binding of 40,000 tasks).
    private static func tokens(of pointer: String) -> [Substring] {
        pointer.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// A pointer token with `~1` and `~0` decoded. Most tokens have neither: they skip Foundation's search,
    /// which the deployer's binding of 40,000 tasks' codes spent most of its time in.
    private static func unescaped(_ token: Substring) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    private func replacing(_ tokens: ArraySlice<String>, with newValue: JSONValue) -> JSONValue? {
        guard let token = tokens.first else { return newValue }
        switch self {
        case .object(var object):
            guard let child = object[token], let replaced = child.replacing(tokens.dropFirst(), with: newValue) else {
                return nil
            }
            object[token] = replaced
            return .object(object)
        case .array(var array):
            guard let index = Int(token), array.indices.contains(index),
                  let replaced = array[index].replacing(tokens.dropFirst(), with: newValue) else { return nil }
            array[index] = replaced
            return .array(array)
        default:
            return nil
        }
    }
}
