import DagforgeSpec
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct JUnitFormatTests {
    private func parse(_ options: DiagnosticRenderOptions = DiagnosticRenderOptions()) throws -> XMLElement {
        let xml = SeededReport.report.rendered(as: .junit, options: options)
        return try #require(try XMLDocument(xmlString: xml, options: []).rootElement())
    }

    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    private func testCase(_ root: XMLElement, suite: String, name: String) throws -> XMLElement {
        let suiteElement = try #require(root.elements(forName: "testsuite").first { attribute($0, "name") == suite })
        return try #require(suiteElement.elements(forName: "testcase").first { attribute($0, "name") == name })
    }

    @Test func oneSuitePerWorkflowOneCasePerTaskAndCountsThatAddUp() throws {
        let root = try parse()
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { attribute($0, "name") } == ["finance_daily", "ods_ingest", "pv_daily", "(project)"])
        #expect(suites.map { $0.elements(forName: "testcase").compactMap { attribute($0, "name") } } == [
            ["build_ledger"],
            ["load all,v2", "workflows/ods_ingest/workflow.yaml"],
            ["extract_cases", "load_signals", "notify"],
            ["DF402"],
        ])
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            #expect(attribute(suite, "tests") == "\(cases.count)")
            #expect(attribute(suite, "failures") == "\(cases.count(where: { !$0.elements(forName: "failure").isEmpty }))")
        }
        #expect(attribute(root, "tests") == "7")
        #expect(attribute(root, "failures") == "4")
    }

    @Test func failuresCarryEachErrorWithItsLocationAndEscapedTextRoundTrips() throws {
        let root = try parse()
        let expectations: [(suite: String, name: String, diagnostic: Diagnostic)] = [
            ("pv_daily", "load_signals", SeededReport.unknownUpstream),
            ("pv_daily", "notify", SeededReport.cycle),
            ("ods_ingest", "workflows/ods_ingest/workflow.yaml", SeededReport.unknownKey),
            ("(project)", "DF402", SeededReport.unknownEnvironment),
        ]
        for (suite, name, diagnostic) in expectations {
            let failure = try #require(try testCase(root, suite: suite, name: name).elements(forName: "failure").first)
            // XML 1.0 cannot carry U+0001; the renderer substitutes U+FFFD so the file still parses.
            let message = diagnostic.message.replacing("\u{1}", with: "\u{FFFD}")
            #expect(attribute(failure, "message") == message)
            #expect(attribute(failure, "type") == diagnostic.code)
            let body = try #require(failure.stringValue)
            #expect(body.contains(message))
            if let range = diagnostic.range { #expect(body.contains("\(range.description): error[\(diagnostic.code)]")) }
            for note in diagnostic.notes { #expect(body.contains(note.message)) }
        }
    }

    @Test func warningsPassUnlessStrictAndCleanTasksPass() throws {
        let relaxed = try testCase(try parse(), suite: "ods_ingest", name: "load all,v2")
        #expect(relaxed.elements(forName: "failure").isEmpty)
        #expect(relaxed.elements(forName: "system-out").first?.stringValue?.contains("warning[DF504]") == true)
        #expect(attribute(relaxed, "file") == "workflows/ods_ingest/load all,v2.sql")

        let strictRoot = try parse(DiagnosticRenderOptions(strict: true))
        let strict = try testCase(strictRoot, suite: "ods_ingest", name: "load all,v2")
        #expect(attribute(try #require(strict.elements(forName: "failure").first), "type") == "DF504")
        #expect(attribute(strictRoot, "failures") == "5")

        let clean = try testCase(try parse(), suite: "pv_daily", name: "extract_cases")
        #expect(clean.childCount == 0)
    }
}
