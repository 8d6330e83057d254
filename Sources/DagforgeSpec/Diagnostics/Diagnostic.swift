/// One problem found in a spec repository. User mistakes never throw: every stage returns diagnostics,
/// and commands choose the exit code from `hasErrors`.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case error, warning, note

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .note]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// Extra context with its own location, e.g. one edge of a cycle ("declared at a.sql:2:13").
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    public var severity: Severity
    /// Stable rule id, e.g. `DF301`; see `DiagnosticRule.catalog`.
    public var code: String
    public var message: String
    /// What to do about it.
    public var hint: String?
    public var range: SourceRange?
    public var notes: [Note]
    /// The workflow and task the problem belongs to, when it belongs to one.
    public var workflow: String?
    public var task: String?

    public init(
        _ severity: Severity, _ code: String, _ message: String, hint: String? = nil, at range: SourceRange? = nil,
        notes: [Note] = [], workflow: String? = nil, task: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
        self.range = range
        self.notes = notes
        self.workflow = workflow
        self.task = task
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var hasWarnings: Bool { contains { $0.severity == .warning } }

    /// Deterministic order: by file, line, column, then code.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted {
            let l = ($0.range?.path ?? "", $0.range?.start.line ?? 0, $0.range?.start.column ?? 0, $0.code)
            let r = ($1.range?.path ?? "", $1.range?.start.line ?? 0, $1.range?.start.column ?? 0, $1.code)
            return l < r
        }
    }
}
