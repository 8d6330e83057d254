import DagforgeSpec
import Foundation
import Testing

@Suite struct JSONFormatTests {
    private func document() throws -> [String: Any] {
        let text = SeededReport.report.rendered(as: .json)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func carriesEveryDiagnosticWithItsRuleLocationWorkflowTaskAndHint() throws {
        let document = try document()
        #expect(document["schemaVersion"] as? Int == 1)
        let entries = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(entries.count == SeededReport.diagnostics.count)
        for (entry, diagnostic) in zip(entries, SeededReport.diagnostics) {
            #expect(entry["ruleId"] as? String == diagnostic.code)
            #expect(entry["ruleName"] as? String == DiagnosticRule.lookup(diagnostic.code)?.name)
            #expect(entry["severity"] as? String == diagnostic.severity.rawValue)
            #expect(entry["message"] as? String == diagnostic.message)
            #expect(entry["hint"] as? String == diagnostic.hint)
            #expect(entry["workflow"] as? String == diagnostic.workflow)
            #expect(entry["task"] as? String == diagnostic.task)
            #expect(entry["file"] as? String == diagnostic.range?.path)
            #expect(entry["line"] as? Int == diagnostic.range?.start.line)
            #expect(entry["column"] as? Int == diagnostic.range?.start.column)
            #expect(entry["endLine"] as? Int == diagnostic.range?.end.line)
            #expect(entry["endColumn"] as? Int == diagnostic.range?.end.column)
            let notes = try #require(entry["notes"] as? [[String: Any]])
            #expect(notes.map { $0["message"] as? String } == diagnostic.notes.map(\.message))
            #expect(notes.map { $0["line"] as? Int } == diagnostic.notes.map { $0.range?.start.line })
        }
    }

    @Test func absentValuesAreNullSoEveryDiagnosticHasTheSameKeys() throws {
        let entries = try #require(try document()["diagnostics"] as? [[String: Any]])
        let keys = Set(entries[0].keys)
        #expect(keys == ["ruleId", "ruleName", "severity", "message", "hint", "workflow", "task", "notes",
                         "file", "line", "column", "endLine", "endColumn"])
        #expect(entries.allSatisfy { Set($0.keys) == keys })
        #expect(entries[0]["file"] is NSNull)
        #expect(entries[0]["workflow"] is NSNull)
    }

    @Test func summaryCountsSeveritiesFilesAndWhatWasChecked() throws {
        let summary = try #require(try document()["summary"] as? [String: Int])
        #expect(summary == ["errors": 4, "warnings": 1, "notes": 0, "files": 4, "workflows": 3, "tasks": 5])
    }
}
