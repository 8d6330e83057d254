/// A YAML value with the range it was written at: the tree every spec decoder reads. Built from a Yams node
/// (YAML files) or from a header line (`-- retries: 3`), so headers and YAML share one set of decoders.
public struct SpecNode: Hashable, Sendable {
    public enum ScalarKind: String, Hashable, Sendable {
        case string, integer, float, boolean, null
    }

    public struct Entry: Hashable, Sendable {
        public var key: String
        public var keyRange: SourceRange
        public var value: SpecNode
    }

    public enum Content: Hashable, Sendable {
        case scalar(String, ScalarKind)
        case mapping([Entry])
        case sequence([SpecNode])
    }

    public var content: Content
    public var range: SourceRange

    public init(_ content: Content, range: SourceRange) {
        self.content = content
        self.range = range
    }

    /// A scalar typed as YAML's core schema would type an unquoted value: `3` is an integer, `true` a boolean.
    public static func plainScalar(_ text: String, range: SourceRange) -> SpecNode {
        SpecNode(.scalar(text, ScalarKind(plain: text)), range: range)
    }

    public var scalarText: String? {
        if case .scalar(let text, let kind) = content, kind != .null { return text }
        return nil
    }

    public var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    public var elements: [SpecNode]? {
        if case .sequence(let elements) = content { return elements }
        return nil
    }

    public var integer: Int? {
        if case .scalar(let text, .integer) = content { return Int(text) }
        return nil
    }

    public var boolean: Bool? {
        if case .scalar(let text, .boolean) = content { return text.lowercased() == "true" }
        return nil
    }

    public var isNull: Bool {
        if case .scalar(_, .null) = content { return true }
        return false
    }

    /// What a message calls this value: "a string", "a list", ...
    public var kindDescription: String {
        switch content {
        case .scalar(_, .string): "a string"
        case .scalar(_, .integer): "an integer"
        case .scalar(_, .float): "a number"
        case .scalar(_, .boolean): "a boolean"
        case .scalar(_, .null): "nothing (null)"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    public func entry(_ key: String) -> Entry? { entries?.first { $0.key == key } }
}

extension SpecNode.ScalarKind {
    /// The type YAML 1.2's core schema gives an unquoted value: `3` is an integer, `true` a boolean, `~` null.
    init(plain text: String) {
        switch text {
        case "true", "false", "True", "False", "TRUE", "FALSE": self = .boolean
        case "", "~", "null", "Null", "NULL": self = .null
        default:
            if Int(text) != nil {
                self = .integer
            } else if let first = text.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "-")
                        || first == UInt8(ascii: "+") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
                      Double(text) != nil {
                // The first-character test keeps words such as `nan` and `inf` strings.
                self = .float
            } else {
                self = .string
            }
        }
    }
}
