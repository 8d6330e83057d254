/// The type of a value in a spec file. Decoders check nodes against it (DF103) and the JSON Schema is
/// generated from it, so what `dagforge schema` promises is exactly what the decoders accept.
public indirect enum ValueShape: Sendable {
    case string
    case integer
    case boolean
    /// Minutes as an integer, or a string such as `90s`, `5m`, `1h`, `1d`.
    case duration
    case enumeration([String])
    case list(ValueShape)
    /// A mapping with free keys whose values have one shape (variables, datasources, ...).
    case map(ValueShape)
    case object(ObjectShape)
    case anyOf([ValueShape])
    /// Anything (raw DolphinScheduler task params).
    case any

    /// Whether `node` has this shape at its top level; nested objects are checked by their own decoders.
    func accepts(_ node: SpecNode) -> Bool {
        switch (self, node.content) {
        case (.any, _): return true
        case (.string, .scalar(_, let kind)): return kind != .null
        case (.integer, .scalar(_, .integer)), (.boolean, .scalar(_, .boolean)): return true
        case (.duration, .scalar(_, .integer)), (.duration, .scalar(_, .string)): return true
        case (.enumeration, .scalar(_, let kind)): return kind != .null
        case (.list(let element), .sequence(let elements)): return elements.allSatisfy(element.accepts)
        case (.map(let value), .mapping(let entries)): return entries.allSatisfy { value.accepts($0.value) }
        case (.object, .mapping): return true
        case (.anyOf(let shapes), _): return shapes.contains { $0.accepts(node) }
        default: return false
        }
    }

    /// What a message calls this shape: "a string", "a list of strings", ...
    var expectation: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .boolean: "true or false"
        case .duration: "a duration (minutes, or e.g. \"5m\", \"1h\")"
        case .enumeration(let values): "one of \(values.joined(separator: ", "))"
        case .list(let element): "a list of \(element.pluralNoun)"
        case .map(let value): "a mapping of names to \(value.pluralNoun)"
        case .object(let object): "a mapping (\(object.title))"
        case .anyOf(let shapes): shapes.map(\.expectation).joined(separator: " or ")
        case .any: "any value"
        }
    }

    private var pluralNoun: String {
        switch self {
        case .string, .enumeration: "strings"
        case .integer: "integers"
        case .boolean: "booleans"
        case .duration: "durations"
        case .object(let object): "mappings (\(object.title))"
        default: "values"
        }
    }
}

/// A mapping with known keys, as the schema and the decoders see it.
public struct ObjectShape: Sendable {
    public struct Property: Sendable {
        public var key: String
        public var shape: ValueShape
        public var summary: String
    }

    public var title: String
    public var properties: [Property]
    /// Keys that must be present (schema `required`).
    public var required: [String]

    public var keys: [String] { properties.map(\.key) }
}
