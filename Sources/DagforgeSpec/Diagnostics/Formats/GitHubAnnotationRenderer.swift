/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per diagnostic,
/// which the runner turns into annotations on the pull request's diff. Notes and the hint are folded
/// into the message. Escaping follows the Actions toolkit: `%`, CR and LF in the message; additionally
/// `:` and `,` in property values.
struct GitHubAnnotationRenderer {
    func render(_ report: DiagnosticReport) -> String {
        report.diagnostics.sortedForDisplay().map { command(for: $0) + "\n" }.joined()
    }

    func command(for diagnostic: Diagnostic) -> String {
        var properties: [(String, String)] = []
        if let range = diagnostic.range {
            properties += [("file", range.path), ("line", "\(range.start.line)"), ("col", "\(range.start.column)")]
            properties.append(("endLine", "\(max(range.end.line, range.start.line))"))
            // GitHub reads endColumn only for single-line spans; its end column is inclusive.
            if range.end.line == range.start.line, range.end.column > range.start.column {
                properties.append(("endColumn", "\(range.end.column - 1)"))
            }
        }
        let rule = DiagnosticRule.lookup(diagnostic.code)
        properties.append(("title", rule.map { "\(diagnostic.code) \($0.shortDescription)" } ?? diagnostic.code))
        let list = properties.map { "\($0.0)=\(Self.escapedProperty($0.1))" }.joined(separator: ",")
        return "::\(Self.command(diagnostic.severity)) \(list)::\(Self.escapedData(message(diagnostic)))"
    }

    private func message(_ diagnostic: Diagnostic) -> String {
        let notes = diagnostic.notes.map { note in
            "note: " + (note.range.map { "\($0.description): " } ?? "") + note.message
        }
        let hint = diagnostic.hint.map { ["hint: \($0)"] } ?? []
        return ([diagnostic.message] + notes + hint).joined(separator: "\n")
    }

    private static func command(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    static func escapedData(_ text: String) -> String { escaped(text, extra: [:]) }

    static func escapedProperty(_ text: String) -> String { escaped(text, extra: [":": "%3A", ",": "%2C"]) }

    /// Works on Unicode scalars: as Characters, "\r\n" is one grapheme that neither "\r" nor "\n" matches.
    private static func escaped(_ text: String, extra: [Unicode.Scalar: String]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: if let replacement = extra[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
