import DagforgeSpec
import Foundation

/// Prints diagnostics the way compilers do, for terminals, editors and CI problem matchers:
///
///     workflows/pv/b.sql:2:13: error[DF201]: unknown upstream task 'clean'
///       note: declared at workflows/pv/a.sql:3:1
///       hint: Correct the name or add the task.
enum DiagnosticPrinter {
    static func text(_ diagnostics: [Diagnostic]) -> String {
        var lines: [String] = []
        for diagnostic in diagnostics {
            let location = diagnostic.range.map { "\($0.description): " } ?? ""
            lines.append("\(location)\(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)")
            for note in diagnostic.notes {
                // Cycle notes already name their location ("declared at a.sql:2:13"); don't repeat it.
                let location = note.range.map(\.description).flatMap { note.message.contains($0) ? nil : " (\($0))" } ?? ""
                lines.append("  note: \(note.message)\(location)")
            }
            if let hint = diagnostic.hint { lines.append("  hint: \(hint)") }
        }
        return lines.joined(separator: "\n")
    }

    /// `N errors, M warnings` (or `no problems`).
    static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors == 0 && warnings == 0 { return "no problems" }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    static func printToStandardError(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data((text(diagnostics) + "\n").utf8))
    }

    /// An environmental failure (unreadable repository, unknown revision): one line, no stack trace.
    static func printFailure(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}
