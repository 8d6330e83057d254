import DagforgeSpec
import Foundation
import Testing

@Suite struct SARIFFormatTests {
    /// Validates a SARIF file against the OASIS SARIF 2.1.0 schema with the `jsonschema` package.
    private func validate(_ sarif: String) throws -> (status: Int32, output: String) {
        let schema = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sarif/sarif-schema-2.1.0.json")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-\(UUID().uuidString).sarif")
        try Data(sarif.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try PythonProcess.run("""
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2]))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
            for e in errors: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """, arguments: [schema.path, file.path])
    }

    private func results() throws -> (rules: [[String: Any]], results: [[String: Any]]) {
        let text = SeededReport.report.rendered(as: .sarif)
        let log = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        return (try #require(driver["rules"] as? [[String: Any]]), try #require(run["results"] as? [[String: Any]]))
    }

    @Test func validatesAgainstTheSARIF210Schema() throws {
        let result = try validate(SeededReport.report.rendered(as: .sarif))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theSchemaCheckRejectsAnInvalidLevel() throws {
        let warningLevel = try Regex(#""level"\s*:\s*"warning""#)
        let broken = SeededReport.report.rendered(as: .sarif).replacing(warningLevel, with: #""level": "fatal""#)
        #expect(broken != SeededReport.report.rendered(as: .sarif))
        let result = try validate(broken)
        #expect(result.status == 1)
        #expect(result.output.contains("'fatal' is not one of"))
    }

    @Test func everyDiagnosticIsAResultAtItsLocationWithItsCatalogRule() throws {
        let (rules, results) = try results()
        #expect(results.count == SeededReport.diagnostics.count)
        #expect(rules.compactMap { $0["id"] as? String } == ["DF102", "DF201", "DF301", "DF402", "DF504"])
        for (result, diagnostic) in zip(results, SeededReport.diagnostics) {
            #expect(result["ruleId"] as? String == diagnostic.code)
            let rule = rules[try #require(result["ruleIndex"] as? Int)]
            #expect(rule["id"] as? String == diagnostic.code)
            #expect((rule["help"] as? [String: String])?["text"] == DiagnosticRule.lookup(diagnostic.code)?.help)
            #expect(result["level"] as? String == diagnostic.severity.rawValue)
            let message = try #require((result["message"] as? [String: String])?["text"])
            #expect(message.hasPrefix(diagnostic.message))
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(locations.count == 1)
            let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: String])
            #expect(artifact["uriBaseId"] == "%SRCROOT%")
            if let range = diagnostic.range {
                #expect(artifact["uri"] == range.path.replacing(" ", with: "%20"))
                #expect(physical["region"] as? [String: Int] == [
                    "startLine": range.start.line, "startColumn": range.start.column,
                    "endLine": range.end.line, "endColumn": range.end.column,
                ])
            } else {
                #expect(artifact["uri"] == "dagforge.yaml")
                #expect(physical["region"] == nil)
            }
        }
    }

    @Test func notesWithLocationsAreRelatedLocationsAndTheRestJoinTheMessage() throws {
        let cycle = try #require(try results().results.first { $0["ruleId"] as? String == "DF301" })
        let related = try #require(cycle["relatedLocations"] as? [[String: Any]])
        #expect(related.compactMap { ($0["message"] as? [String: String])?["text"] } == [
            SeededReport.cycle.notes[0].message, SeededReport.cycle.notes[1].message,
        ])
        let second = try #require((related[1]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        #expect(second["startLine"] == 7 && second["startColumn"] == 15)
        let message = try #require((cycle["message"] as? [String: String])?["text"])
        #expect(message == "dependency cycle: load_signals -> notify -> load_signals\nnote: remove one of these edges to break the cycle")
        #expect(cycle["properties"] as? [String: String] == ["workflow": "pv_daily", "task": "notify"])
    }
}
