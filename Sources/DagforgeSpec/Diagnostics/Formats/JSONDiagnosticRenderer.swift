/// dagforge's own JSON document. Its shape is versioned by `schemaVersion`: fields are only ever added
/// within a version. Absent values are `null`, so every diagnostic has the same keys.
struct JSONDiagnosticRenderer {
    static let schemaVersion = 1

    func render(_ report: DiagnosticReport) -> String {
        JSONOutput.string(
            Document(
                schemaVersion: Self.schemaVersion,
                tool: Tool(name: "dagforge", version: report.toolVersion),
                summary: report.summary,
                diagnostics: report.diagnostics.sortedForDisplay().map(Entry.init),
                impact: report.impact
            )
        )
    }

    private struct Document: Encodable {
        let schemaVersion: Int
        let tool: Tool
        let summary: DiagnosticSummary
        let diagnostics: [Entry]
        let impact: ReportImpact?

        enum CodingKeys: String, CodingKey { case schemaVersion, tool, summary, diagnostics, impact }

        /// `impact` is written as null when absent, like every other missing value.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(schemaVersion, forKey: .schemaVersion)
            try container.encode(tool, forKey: .tool)
            try container.encode(summary, forKey: .summary)
            try container.encode(diagnostics, forKey: .diagnostics)
            try container.encode(impact, forKey: .impact)
        }
    }

    private struct Tool: Encodable {
        let name: String
        let version: String
    }

    private struct Entry: Encodable {
        let diagnostic: Diagnostic

        enum CodingKeys: String, CodingKey {
            case ruleId, ruleName, severity, message, hint, workflow, task, notes
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(diagnostic.code, forKey: .ruleId)
            try container.encode(DiagnosticRule.lookup(diagnostic.code)?.name, forKey: .ruleName)
            try container.encode(diagnostic.severity, forKey: .severity)
            try container.encode(diagnostic.message, forKey: .message)
            try container.encode(diagnostic.hint, forKey: .hint)
            try container.encode(diagnostic.workflow, forKey: .workflow)
            try container.encode(diagnostic.task, forKey: .task)
            try Location(diagnostic.range).encode(to: encoder)
            try container.encode(diagnostic.notes.map(NoteEntry.init), forKey: .notes)
        }
    }

    private struct NoteEntry: Encodable {
        let note: Diagnostic.Note

        enum CodingKeys: String, CodingKey { case message }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(note.message, forKey: .message)
            try Location(note.range).encode(to: encoder)
        }
    }

    /// `file`, `line`, `column`, `endLine`, `endColumn`, written into the enclosing object.
    private struct Location: Encodable {
        let range: SourceRange?

        init(_ range: SourceRange?) { self.range = range }

        enum CodingKeys: String, CodingKey { case file, line, column, endLine, endColumn }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(range?.path, forKey: .file)
            try container.encode(range?.start.line, forKey: .line)
            try container.encode(range?.start.column, forKey: .column)
            try container.encode(range?.end.line, forKey: .endLine)
            try container.encode(range?.end.column, forKey: .endColumn)
        }
    }
}
