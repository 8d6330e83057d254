import Yams

/// Parses one YAML file into a `SpecNode`, turning syntax errors into DF101 diagnostics.
enum YAMLDocument {
    static func parse(_ text: String, path: String) -> (SpecNode?, [Diagnostic]) {
        do {
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return (nil, []) }
            return (convert(root, path: path), [])
        } catch let error as YamlError {
            return (nil, [syntaxDiagnostic(error, path: path)])
        } catch {
            return (nil, [Diagnostic(.error, "DF101", "YAML could not be read: \(error)",
                                     hint: "Fix the YAML syntax.", at: SourceRange(path: path, start: .init(line: 1, column: 1)))])
        }
    }

    private static func convert(_ node: Node, path: String) -> SpecNode {
        let range = range(of: node, path: path)
        switch node {
        case .scalar(let scalar):
            return SpecNode(.scalar(scalar.string, kind(of: scalar)), range: range)
        case .mapping(let mapping):
            let entries = mapping.map { key, value in
                SpecNode.Entry(key: key.string ?? "", keyRange: self.range(of: key, path: path),
                               value: convert(value, path: path))
            }
            return SpecNode(.mapping(entries), range: range)
        case .sequence(let sequence):
            return SpecNode(.sequence(sequence.map { convert($0, path: path) }), range: range)
        case .alias:
            return SpecNode(.scalar("", .null), range: range)
        }
    }

    /// Quoted and block scalars are strings; plain ones are typed by the core schema. Yams runs with its
    /// basic resolver (no implicit tags): its default one matches a regular expression per scalar and per key.
    private static func kind(of scalar: Node.Scalar) -> SpecNode.ScalarKind {
        switch scalar.style {
        case .singleQuoted, .doubleQuoted, .literal, .folded: .string
        case .any, .plain: SpecNode.ScalarKind(plain: scalar.string)
        }
    }

    private static func range(of node: Node, path: String) -> SourceRange {
        let start = SourceLocation(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        var end = start
        if case .scalar(let scalar) = node, !scalar.string.utf8.contains(UInt8(ascii: "\n")) {
            end = SourceLocation(line: start.line, column: start.column + scalar.string.count)
        }
        return SourceRange(path: path, start: start, end: end)
    }

    private static func syntaxDiagnostic(_ error: YamlError, path: String) -> Diagnostic {
        let (problem, context, mark): (String, YamlError.Context?, Mark?) = switch error {
        case .scanner(let context, let problem, let mark, _): (problem, context, mark)
        case .parser(let context, let problem, let mark, _): (problem, context, mark)
        case .composer(let context, let problem, let mark, _): (problem, context, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            ("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))", nil, context.mark)
        default: ("\(error)", nil, nil)
        }
        // An unclosed bracket or quote is only noticed further down; point at where it was opened.
        let unclosed = context.map { $0.text.contains("flow") || $0.text.contains("quoted scalar") } ?? false
        let position = (unclosed ? context?.mark : nil) ?? mark
        let location = position.map { SourceLocation(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
        return Diagnostic(.error, "DF101", "YAML syntax error: \(describe(problem, context))",
                          hint: "Fix the YAML at this position; indentation and unclosed quotes or brackets are the usual causes.",
                          at: SourceRange(path: path, start: location))
    }

    private static func describe(_ problem: String, _ context: YamlError.Context?) -> String {
        guard let context else { return problem }
        return "\(problem) (\(context.text) at line \(context.mark.line))"
    }
}
