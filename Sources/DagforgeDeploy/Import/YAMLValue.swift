import DagforgeWire
import Yams

/// Builds YAML nodes with a fixed key order and quoting that reads back as the same value.
enum YAMLValue {
    static func string(_ text: String) -> Node {
        Node(text, .implicit, text.contains("\n") ? .literal : .doubleQuoted)
    }

    static func int(_ value: Int) -> Node { Node(String(value), .implicit, .plain) }

    static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (Node($0.0), $0.1) }))
    }

    static func sequence(_ nodes: [Node], flow: Bool = false) -> Node {
        .sequence(Node.Sequence(nodes, .implicit, flow ? .flow : .any))
    }

    /// Raw `taskParams` and the like, keys sorted as `JSONValue` renders them.
    static func json(_ value: JSONValue) -> Node {
        switch value {
        case .null: Node("null", .implicit, .plain)
        case .bool(let flag): Node(flag ? "true" : "false", .implicit, .plain)
        case .int(let number): Node(String(number), .implicit, .plain)
        case .double(let number): Node(String(number), .implicit, .plain)
        case .string(let text): string(text)
        case .array(let items): sequence(items.map(json))
        case .object(let object): mapping(object.keys.sorted().map { ($0, json(object[$0]!)) })
        }
    }

    static func document(_ node: Node) throws -> String {
        try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)
    }
}
