/// What one `validate` run found, plus what it checked: the input of every `DiagnosticFormat`.
public struct DiagnosticReport: Hashable, Sendable {
    public var diagnostics: [Diagnostic]
    /// Every workflow that was checked, with its task names, so that JUnit can show a passing test
    /// case for each clean task and the summary can say how much was checked.
    public var checkedWorkflows: [String: [String]]
    public var toolVersion: String
    /// The tool's home page for SARIF's `informationUri`; left out when nil.
    public var toolInformationURI: String?
    /// The repository-relative file that anchors diagnostics without a location in the formats that
    /// require a file for every result (SARIF for GitHub code scanning, GitLab Code Quality).
    public var projectAnchorPath: String
    /// Set by `--changed-since`: what the change touches (only those workflows were checked).
    public var impact: ReportImpact?

    public init(
        diagnostics: [Diagnostic], checkedWorkflows: [String: [String]] = [:], toolVersion: String,
        toolInformationURI: String? = nil, projectAnchorPath: String = "dagforge.yaml", impact: ReportImpact? = nil
    ) {
        self.diagnostics = diagnostics
        self.checkedWorkflows = checkedWorkflows
        self.toolVersion = toolVersion
        self.toolInformationURI = toolInformationURI
        self.projectAnchorPath = projectAnchorPath
        self.impact = impact
    }

    public var summary: DiagnosticSummary {
        DiagnosticSummary(
            errors: diagnostics.count(where: { $0.severity == .error }),
            warnings: diagnostics.count(where: { $0.severity == .warning }),
            notes: diagnostics.count(where: { $0.severity == .note }),
            files: Set(diagnostics.compactMap { $0.range?.path }).count,
            workflows: checkedWorkflows.count,
            tasks: checkedWorkflows.values.reduce(0) { $0 + $1.count }
        )
    }
}

/// Counts over a report: how many problems of each severity, in how many files, out of how much checked.
public struct DiagnosticSummary: Hashable, Sendable, Codable {
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    /// Distinct files with at least one diagnostic.
    public var files: Int
    public var workflows: Int
    public var tasks: Int

    public init(errors: Int, warnings: Int, notes: Int, files: Int, workflows: Int, tasks: Int) {
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
        self.files = files
        self.workflows = workflows
        self.tasks = tasks
    }

    /// "2 errors, 1 warning in 3 files", or "no problems in 4 workflows (12 tasks)".
    public var sentence: String {
        let parts = [(errors, "error"), (warnings, "warning"), (notes, "note")]
            .filter { $0.0 > 0 }
            .map { Self.counted($0.0, $0.1) }
        guard !parts.isEmpty else {
            return "no problems in \(Self.counted(workflows, "workflow")) (\(Self.counted(tasks, "task")))"
        }
        let problems = parts.joined(separator: ", ")
        return files > 0 ? "\(problems) in \(Self.counted(files, "file"))" : problems
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
