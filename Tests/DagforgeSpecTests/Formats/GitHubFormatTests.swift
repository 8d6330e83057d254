import DagforgeSpec
import Testing

@Suite struct GitHubFormatTests {
    @Test func oneWorkflowCommandPerDiagnosticWithGitHubEscaping() {
        let lines = SeededReport.report.rendered(as: .github).split(separator: "\n", omittingEmptySubsequences: false)
        let expected: [String] = [
            "::error title=DF402 Unknown environment::unknown environment 'prd'%0Ahint: pick one of: prod, test, uat",
            "::warning file=workflows/ods_ingest/load all%2Cv2.sql,line=4,col=2,endLine=9,"
                + "title=DF504 SQL could not be fully analyzed::stored-procedure body skipped; lineage may be incomplete"
                + "%0Ahint: declare upstreams explicitly",
            "::error file=workflows/ods_ingest/workflow.yaml,line=5,col=3,endLine=5,endColumn=9,title=DF102 Unknown key::"
                + "unknown key \"upstrem\" <in 'header'> & 100%25 of a,b:c%0Asecond line 表\u{1}%0Ahint: did you mean 'upstream'?",
            "::error file=workflows/pv_daily/load_signals.sql,line=2,col=14,endLine=2,endColumn=19,"
                + "title=DF201 Unknown upstream task::unknown upstream task 'extrct'%0Ahint: did you mean 'extract_cases'?",
            "::error file=workflows/pv_daily/notify.sh,line=3,col=13,endLine=3,endColumn=24,title=DF301 Dependency cycle::"
                + "dependency cycle: load_signals -> notify -> load_signals"
                + "%0Anote: workflows/pv_daily/notify.sh:3:13: notify depends on load_signals, declared here"
                + "%0Anote: workflows/pv_daily/load_signals.sql:7:15: load_signals depends on notify, inferred from table dw.alerts read here"
                + "%0Anote: remove one of these edges to break the cycle",
            "",
        ]
        #expect(lines.map(String.init) == expected)
    }

    @Test func escapesCarriageReturnsColonsAndCommasInPropertiesAndNoticesForNotes() {
        let diagnostic = Diagnostic(
            .note, "DF999", "a\r\nb", at: SeededReport.range("w/a:b,c.sql", 1, 1, 1, 1)
        )
        let output = DiagnosticReport(diagnostics: [diagnostic], toolVersion: "t").rendered(as: .github)
        #expect(output == "::notice file=w/a%3Ab%2Cc.sql,line=1,col=1,endLine=1,title=DF999::a%0D%0Ab\n")
    }

    @Test func nothingToSayPrintsNothing() {
        #expect(DiagnosticReport(diagnostics: [], toolVersion: "t").rendered(as: .github) == "")
    }
}
