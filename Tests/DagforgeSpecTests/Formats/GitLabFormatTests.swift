import DagforgeSpec
import Foundation
import Testing

@Suite struct GitLabFormatTests {
    private func issues(_ report: DiagnosticReport) throws -> [[String: Any]] {
        let text = report.rendered(as: .gitlab)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func oneCodeQualityIssuePerDiagnosticWithPathLineAndSeverity() throws {
        let issues = try issues(SeededReport.report)
        #expect(issues.count == SeededReport.diagnostics.count)
        let rows = issues.map { issue -> String in
            let location = issue["location"] as? [String: Any]
            let lines = location?["lines"] as? [String: Int]
            return [
                issue["check_name"] as? String ?? "-", issue["severity"] as? String ?? "-",
                location?["path"] as? String ?? "-", "\(lines?["begin"] ?? 0)",
            ].joined(separator: " ")
        }
        #expect(rows == [
            "DF402 major dagforge.yaml 1",
            "DF504 minor workflows/ods_ingest/load all,v2.sql 4",
            "DF102 major workflows/ods_ingest/workflow.yaml 5",
            "DF201 major workflows/pv_daily/load_signals.sql 2",
            "DF301 major workflows/pv_daily/notify.sh 3",
        ])
        #expect(issues[2]["description"] as? String == SeededReport.unknownKey.message + " (hint: did you mean 'upstream'?)")
        #expect(issues.allSatisfy { $0["type"] as? String == "issue" })
    }

    @Test func fingerprintsAreStableUniqueAndSurviveALineShift() throws {
        let first = try issues(SeededReport.report).compactMap { $0["fingerprint"] as? String }
        #expect(first.count == 5 && Set(first).count == 5)
        #expect(first.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
        #expect(try issues(SeededReport.report).compactMap { $0["fingerprint"] as? String } == first)

        var moved = SeededReport.unknownUpstream
        moved.range = SeededReport.range("workflows/pv_daily/load_signals.sql", 12, 14, 12, 20)
        let twice = DiagnosticReport(diagnostics: [SeededReport.unknownUpstream, moved], toolVersion: "t")
        let fingerprints = try issues(twice).compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == 2 && fingerprints[0] != fingerprints[1])
        #expect(fingerprints[0] == first[3])
    }
}
