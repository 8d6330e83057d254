/// The output formats of `dagforge validate --format`. Every renderer is a pure function of a
/// `DiagnosticReport`: nothing here reads files or writes output.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// For people: grouped by file, with the source line and a caret, optionally coloured.
    case text
    /// dagforge's own JSON document (`schemaVersion` 1), for scripts.
    case json
    /// JUnit XML: one test suite per workflow, one test case per task (Jenkins, GitLab, Azure, ...).
    case junit
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands (`::error file=...::message`) that annotate the pull request.
    case github
    /// GitLab's Code Quality report (the Code Climate issue subset GitLab reads).
    case gitlab
}

extension DiagnosticReport {
    /// The report in `format`, ready to be written as is (it ends with a newline unless it is empty).
    public func rendered(as format: DiagnosticFormat, options: DiagnosticRenderOptions = DiagnosticRenderOptions()) -> String {
        switch format {
        case .text: TextDiagnosticRenderer(options: options).render(self)
        case .json: JSONDiagnosticRenderer().render(self)
        case .junit: JUnitDiagnosticRenderer(strict: options.strict).render(self)
        case .sarif: SARIFDiagnosticRenderer().render(self)
        case .github: GitHubAnnotationRenderer().render(self)
        case .gitlab: GitLabCodeQualityRenderer().render(self)
        }
    }
}
