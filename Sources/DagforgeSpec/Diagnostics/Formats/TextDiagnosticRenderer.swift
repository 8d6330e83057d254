/// The human format: diagnostics ordered by file, line and column, each as
/// `path:line:col: error[DF301]: message`, then the source line with a caret under the span, the notes
/// with their own locations, and the hint; a summary line closes the output.
struct TextDiagnosticRenderer {
    let options: DiagnosticRenderOptions
    private var style: TerminalStyle { TerminalStyle(enabled: options.color) }

    func render(_ report: DiagnosticReport) -> String {
        let blocks = report.diagnostics.sortedForDisplay().map(block)
        let impact = report.impact.map { $0.lines.joined(separator: "\n") + "\n" }
        let summary = style.bold(report.summary.sentence)
        return (blocks + [impact, summary].compactMap { $0 }).joined(separator: "\n") + "\n"
    }

    /// One diagnostic, every line ending in a newline.
    func block(for diagnostic: Diagnostic) -> String {
        var lines = [header(diagnostic)]
        if let range = diagnostic.range { lines += excerpt(range) }
        for note in diagnostic.notes {
            let location = note.range.map { "\($0.description): " } ?? ""
            lines.append("  \(style.bold(location))\(style.severity(.note, "note")): \(note.message)")
        }
        if let hint = diagnostic.hint { lines.append("  \(style.bold("hint")): \(hint)") }
        return lines.map { $0 + "\n" }.joined()
    }

    private func header(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.range.map { "\($0.description): " } ?? ""
        let label = style.severity(diagnostic.severity, "\(diagnostic.severity.rawValue)[\(diagnostic.code)]")
        return "\(style.bold(location))\(label): \(style.bold(diagnostic.message))"
    }

    /// The source line and a caret line under the span; nothing when the line is not available.
    private func excerpt(_ range: SourceRange) -> [String] {
        guard let lines = options.sourceLines(range.path), range.start.line >= 1, range.start.line <= lines.count else {
            return []
        }
        let source = String(lines[range.start.line - 1])
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        return [
            style.dim("\(number) | ") + source,
            style.dim("\(gutter) | ") + style.caret(caret(under: source, range)),
        ]
    }

    /// Spaces up to the start column (tabs kept so that the caret lines up), then `^~~~` over the span
    /// (one character when the span is empty or runs onto another line; the end column is exclusive).
    private func caret(under source: String, _ range: SourceRange) -> String {
        let characters = Array(source)
        let startIndex = min(range.start.column - 1, characters.count)
        let padding = characters.prefix(max(startIndex, 0)).map { $0 == "\t" ? "\t" : " " }.joined()
        let sameLine = range.end.line == range.start.line && range.end.column > range.start.column
        let width = sameLine ? min(range.end.column, characters.count + 1) - range.start.column : 1
        return padding + "^" + String(repeating: "~", count: max(width - 1, 0))
    }
}
