import Foundation
import DagforgeSpec

/// Replaces `{{ name }}` with the environment's variables and `{{ env.NAME }}` with the process
/// environment. DolphinScheduler's runtime placeholders (`${param}`, `$[yyyyMMdd-1]`) are left untouched.
/// Values read from the process environment are remembered as secrets, so output can redact them.
struct TemplateRenderer {
    let environmentName: String
    let variables: [String: String]
    let processEnvironment: [String: String]
    /// `.error` when compiling for deployment, `.warning` for validation without the secrets at hand.
    let missingSecretSeverity: Diagnostic.Severity
    private(set) var secrets: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    init(environmentName: String, variables: [String: String], processEnvironment: [String: String],
         missingSecretSeverity: Diagnostic.Severity) {
        self.environmentName = environmentName
        self.variables = variables
        self.processEnvironment = processEnvironment
        self.missingSecretSeverity = missingSecretSeverity
    }

    /// `text` with every placeholder replaced; `start` is where `text` begins in its file.
    mutating func render(_ text: String, at start: SourceRange) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")), text.contains("{{") else { return text }
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let range = position(of: open.lowerBound, in: text, start: start, length: rest.distance(from: open.lowerBound, to: close.upperBound))
            output += value(of: inner, at: range) ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }

    private mutating func value(of name: String, at range: SourceRange) -> String? {
        if name.hasPrefix("env.") {
            let key = String(name.dropFirst(4))
            guard let value = processEnvironment[key], !value.isEmpty else {
                diagnostics.append(Diagnostic(missingSecretSeverity, "DF403",
                                              "process environment variable '\(key)' is not set (environment '\(environmentName)')",
                                              hint: "Export \(key) before running dagforge; CI secrets usually provide it.", at: range))
                return nil
            }
            secrets.insert(value)
            return value
        }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            diagnostics.append(Diagnostic(.error, "DF401", "malformed placeholder '{{ \(name) }}'",
                                          hint: "Write {{ variable }} or {{ env.NAME }}.", at: range))
            return nil
        }
        guard let value = variables[name] else {
            diagnostics.append(Diagnostic(.error, "DF401", "undefined variable '\(name)' in environment '\(environmentName)'"
                                          + NameSuggestion.phrase(for: name, in: variables.keys),
                                          hint: "Define '\(name)' under `variables:` in environments/\(environmentName).yaml, or correct the name.",
                                          at: range))
            return nil
        }
        return value
    }

    /// The file position of `index` in `text`, which begins at `start`.
    private func position(of index: String.Index, in text: String, start: SourceRange, length: Int) -> SourceRange {
        let before = text[..<index]
        let newlines = before.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        let column = newlines == 0
            ? start.start.column + before.count
            : before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        let line = start.start.line + newlines
        let offset = start.start.offset + before.utf8.count
        return SourceRange(path: start.path, start: SourceLocation(line: line, column: column, offset: offset),
                           end: SourceLocation(line: line, column: column + length, offset: offset + length))
    }
}

extension TemplateRenderer {
    /// Takes over another renderer's secrets and diagnostics.
    mutating func absorb(_ other: TemplateRenderer) {
        secrets.formUnion(other.secrets)
        diagnostics += other.diagnostics
    }
}
