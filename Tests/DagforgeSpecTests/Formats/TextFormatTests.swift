import DagforgeSpec
import Testing

@Suite struct TextFormatTests {
    let options = DiagnosticRenderOptions(sourceFiles: SeededReport.sourceFiles)

    @Test func printsEveryDiagnosticByFileWithSourceLineCaretNotesHintAndSummary() {
        let expected = """
            error[DF402]: unknown environment 'prd'
              hint: pick one of: prod, test, uat

            workflows/ods_ingest/load all,v2.sql:4:2: warning[DF504]: stored-procedure body skipped; lineage may be incomplete
            4 | \tcall refresh_all();
              | \t^
              hint: declare upstreams explicitly

            workflows/ods_ingest/workflow.yaml:5:3: error[DF102]: unknown key "upstrem" <in 'header'> & 100% of a,b:c
            second line 表\u{1}
            5 |   upstrem: [a]
              |   ^~~~~~~
              hint: did you mean 'upstream'?

            workflows/pv_daily/load_signals.sql:2:14: error[DF201]: unknown upstream task 'extrct'
            2 | -- upstream: extrct, notify
              |              ^~~~~~
              hint: did you mean 'extract_cases'?

            workflows/pv_daily/notify.sh:3:13: error[DF301]: dependency cycle: load_signals -> notify -> load_signals
            3 | # upstream: load_signals
              |             ^~~~~~~~~~~~
              workflows/pv_daily/notify.sh:3:13: note: notify depends on load_signals, declared here
              workflows/pv_daily/load_signals.sql:7:15: note: load_signals depends on notify, inferred from table dw.alerts read here
              note: remove one of these edges to break the cycle

            4 errors, 1 warning in 4 files

            """
        #expect(SeededReport.report.rendered(as: .text, options: options) == expected)
    }

    @Test func leavesTheExcerptOutWhenTheSourceIsUnavailableOrTheLineIsOutOfRange() {
        let past = Diagnostic(.error, "DF201", "x", at: SeededReport.range("workflows/pv_daily/notify.sh", 40, 1, 40, 2))
        let report = DiagnosticReport(diagnostics: [SeededReport.unknownUpstream, past], toolVersion: "t")
        #expect(report.rendered(as: .text) == """
            workflows/pv_daily/load_signals.sql:2:14: error[DF201]: unknown upstream task 'extrct'
              hint: did you mean 'extract_cases'?

            workflows/pv_daily/notify.sh:40:1: error[DF201]: x

            2 errors in 2 files

            """)
        #expect(report.rendered(as: .text, options: options).contains("40 |") == false)
    }

    @Test func colourIsAddedOnlyWhenAskedAndStripsBackToThePlainText() throws {
        let plain = SeededReport.report.rendered(as: .text, options: options)
        #expect(!plain.contains("\u{1B}"))
        var coloured = options
        coloured.color = true
        let text = SeededReport.report.rendered(as: .text, options: coloured)
        #expect(text.contains("\u{1B}[1;31merror[DF201]\u{1B}[0m"))
        #expect(text.contains("\u{1B}[1;33mwarning[DF504]\u{1B}[0m"))
        let ansi = try Regex("\u{1B}\\[[0-9;]*m")
        #expect(text.replacing(ansi, with: "") == plain)
    }

    @Test func summarySaysWhatWasCheckedWhenThereAreNoProblems() {
        let report = DiagnosticReport(diagnostics: [], checkedWorkflows: SeededReport.report.checkedWorkflows, toolVersion: "t")
        #expect(report.rendered(as: .text) == "no problems in 3 workflows (5 tasks)\n")
        #expect(report.summary == DiagnosticSummary(errors: 0, warnings: 0, notes: 0, files: 0, workflows: 3, tasks: 5))
    }
}
