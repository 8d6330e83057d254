import Foundation

extension GraphDocument {
    /// Mermaid flowchart, one subgraph per workflow; inferred edges are dotted.
    public var mermaid: String {
        var lines = ["flowchart LR"]
        let ids = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, "n\($0)") })
        for (workflow, members) in Dictionary(grouping: nodes, by: \.workflow).sorted(by: { $0.key < $1.key }) {
            lines.append("  subgraph \(Self.mermaidID(workflow))[\"\(workflow)\"]")
            for node in members { lines.append("    \(ids[node]!)[\"\(node.task)\"]") }
            lines.append("  end")
        }
        for edge in edges {
            let arrow = edge.kind == "inferred" ? "-.->" : "-->"
            lines.append("  \(ids[edge.from]!) \(arrow)|\(Self.mermaidLabel(edge.label))| \(ids[edge.to]!)")
        }
        return lines.joined(separator: "\n")
    }

    /// Graphviz dot, one cluster per workflow; inferred edges are dashed.
    public var dot: String {
        var lines = ["digraph dagforge {", "  rankdir=LR;", "  node [shape=box];"]
        for (index, group) in Dictionary(grouping: nodes, by: \.workflow).sorted(by: { $0.key < $1.key }).enumerated() {
            lines.append("  subgraph cluster_\(index) {")
            lines.append("    label=\(Self.quoted(group.key));")
            for node in group.value { lines.append("    \(Self.quoted(node.description)) [label=\(Self.quoted(node.task))];") }
            lines.append("  }")
        }
        for edge in edges {
            let style = edge.kind == "inferred" ? ", style=dashed" : ""
            lines.append("  \(Self.quoted(edge.from.description)) -> \(Self.quoted(edge.to.description)) [label=\(Self.quoted(edge.label))\(style)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// `{"nodes": [...], "edges": [{from, to, kind, origins}]}`.
    public func json() throws -> String {
        struct Document: Encodable {
            var nodes: [String]
            var edges: [Edge]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(nodes: nodes.map(\.description), edges: edges))
        return String(decoding: data, as: UTF8.self)
    }

    private static func mermaidID(_ name: String) -> String {
        "wf_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Plain labels as they are; others quoted, with mermaid's `#quot;` for quotes.
    private static func mermaidLabel(_ label: String) -> String {
        label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" } ? label
            : "\"" + label.replacingOccurrences(of: "\"", with: "#quot;") + "\""
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
