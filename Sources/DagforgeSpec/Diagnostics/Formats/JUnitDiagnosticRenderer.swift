/// JUnit XML as Jenkins, GitLab and most CI systems read it: one `<testsuite>` per workflow, one
/// `<testcase>` per task. A task's case fails with its errors (and warnings under `--strict`); its other
/// diagnostics go to `<system-out>`. Diagnostics of a workflow but no task get a case named after their
/// file; diagnostics of no workflow sit in the suite `(project)`, in a case named after their file or,
/// without one, their rule.
struct JUnitDiagnosticRenderer {
    static let projectSuiteName = "(project)"
    let strict: Bool

    func render(_ report: DiagnosticReport) -> String {
        let suites = Self.suites(of: report)
        let cases = suites.flatMap(\.cases)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"dagforge validate\" tests=\"\(cases.count)\""
        xml += " failures=\"\(cases.count(where: isFailing))\" errors=\"0\">\n"
        for suite in suites { xml += render(suite) }
        return xml + "</testsuites>\n"
    }

    private struct Suite {
        var name: String
        var cases: [Case]
    }

    private struct Case {
        var name: String
        var diagnostics: [Diagnostic]
    }

    private func isFailing(_ testCase: Case) -> Bool { testCase.diagnostics.contains(where: fails) }

    private func fails(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error || (strict && diagnostic.severity == .warning)
    }

    private func render(_ suite: Suite) -> String {
        var xml = "  <testsuite name=\"\(attribute(suite.name))\" tests=\"\(suite.cases.count)\""
        xml += " failures=\"\(suite.cases.count(where: isFailing))\" errors=\"0\" skipped=\"0\">\n"
        for testCase in suite.cases { xml += render(testCase, in: suite) }
        return xml + "  </testsuite>\n"
    }

    private func render(_ testCase: Case, in suite: Suite) -> String {
        var xml = "    <testcase name=\"\(attribute(testCase.name))\" classname=\"\(attribute(suite.name))\""
        if let file = testCase.diagnostics.lazy.compactMap(\.range?.path).first {
            xml += " file=\"\(attribute(file))\""
        }
        guard !testCase.diagnostics.isEmpty else { return xml + "/>\n" }
        xml += ">\n"
        let failing = testCase.diagnostics.filter(fails)
        let passing = testCase.diagnostics.filter { !fails($0) }
        if let first = failing.first {
            let more = failing.count > 1 ? " (and \(failing.count - 1) more)" : ""
            xml += "      <failure message=\"\(attribute(first.message + more))\" type=\"\(attribute(first.code))\">"
            xml += XMLText.escaped(plainText(failing)) + "</failure>\n"
        }
        if !passing.isEmpty {
            xml += "      <system-out>" + XMLText.escaped(plainText(passing)) + "</system-out>\n"
        }
        return xml + "    </testcase>\n"
    }

    private func plainText(_ diagnostics: [Diagnostic]) -> String {
        let text = TextDiagnosticRenderer(options: DiagnosticRenderOptions())
        return diagnostics.map(text.block).joined()
    }

    private func attribute(_ value: String) -> String { XMLText.escaped(value, inAttribute: true) }

    /// Suites sorted by workflow name with `(project)` last; in each, the checked tasks in name order,
    /// then tasks known only from diagnostics, then cases for diagnostics of no task.
    private static func suites(of report: DiagnosticReport) -> [Suite] {
        let byWorkflow = Dictionary(grouping: report.diagnostics.sortedForDisplay(), by: \.workflow)
        let workflowNames = Set(report.checkedWorkflows.keys).union(byWorkflow.keys.compactMap { $0 }).sorted()
        var suites = workflowNames.map { name in
            Suite(name: name, cases: cases(tasks: report.checkedWorkflows[name] ?? [], diagnostics: byWorkflow[name] ?? []))
        }
        if let projectDiagnostics = byWorkflow[String?.none] {
            suites.append(Suite(name: projectSuiteName, cases: cases(tasks: [], diagnostics: projectDiagnostics)))
        }
        return suites
    }

    private static func cases(tasks: [String], diagnostics: [Diagnostic]) -> [Case] {
        let tied = diagnostics.compactMap { diagnostic in diagnostic.task.map { (task: $0, diagnostic: diagnostic) } }
        let byTask = Dictionary(grouping: tied, by: { $0.task }).mapValues { $0.map { $0.diagnostic } }
        let taskNames = Set(tasks).union(byTask.keys).sorted()
        let taskCases = taskNames.map { Case(name: $0, diagnostics: byTask[$0] ?? []) }
        let untied = diagnostics.filter { $0.task == nil }
        let untiedKeys = untied.map { $0.range?.path ?? $0.code }
        let untiedCases = orderedUnique(untiedKeys).map { key in
            Case(name: key, diagnostics: untied.filter { ($0.range?.path ?? $0.code) == key })
        }
        return taskCases + untiedCases
    }

    private static func orderedUnique(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
