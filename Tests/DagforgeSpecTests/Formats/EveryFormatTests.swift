import DagforgeSpec
import Testing

@Suite struct EveryFormatTests {
    @Test(arguments: DiagnosticFormat.allCases)
    func namesEveryRuleAndEndsWithANewline(_ format: DiagnosticFormat) {
        let output = SeededReport.report.rendered(as: format)
        for diagnostic in SeededReport.diagnostics { #expect(output.contains(diagnostic.code), "\(format) lacks \(diagnostic.code)") }
        #expect(output.hasSuffix("\n"))
    }

    @Test func formatNamesAreTheCommandLineValues() {
        #expect(DiagnosticFormat.allCases.map(\.rawValue) == ["text", "json", "junit", "sarif", "github", "gitlab"])
    }
}
