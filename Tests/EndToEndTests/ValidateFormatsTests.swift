import DagforgeTestSupport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `dagforge validate --format …` over the seeded scenario Tests/Fixtures/specs/ci_seeded: five distinct
/// errors in four workflows. Every format must carry each of them at its file, line and column, and every
/// format exits 1.
@Suite struct ValidateFormatsTests {
    struct Expected: Hashable, CustomStringConvertible {
        var code: String
        var file: String
        var line: Int
        var column: Int
        var description: String { "\(file):\(line):\(column) \(code)" }
    }

    /// Where the seeded mistakes are, counted by hand from the fixture's text.
    static let expected: Set<Expected> = [
        Expected(code: "DF201", file: "workflows/orders/load_orders.sql", line: 3, column: 14),
        Expected(code: "DF102", file: "workflows/orders/workflow.yaml", line: 3, column: 3),
        Expected(code: "DF401", file: "workflows/billing/invoice.sql", line: 3, column: 43),
        Expected(code: "DF302", file: "workflows/billing/workflow.yaml", line: 4, column: 9),
        Expected(code: "DF301", file: "workflows/loop/first.sql", line: 3, column: 14),
    ]

    static let fixture = DagforgeBinary.packageRoot.appendingPathComponent("Tests/Fixtures/specs/ci_seeded")

    /// Runs validate on a git copy of the fixture.
    private func validate(_ arguments: [String]) throws -> ProcessResult {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        for item in ["workflows", "environments"] {
            try sandbox.copy(Self.fixture.appendingPathComponent(item), to: item)
        }
        try sandbox.commitAll("seeded")
        let outcome = try DagforgeBinary.run(["validate"] + arguments, in: sandbox.path)
        #expect(outcome.status == 1, "every format exits 1 on errors: \(outcome.stderr)")
        return outcome
    }

    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func textQuotesTheSourceLineWithACaretAndColoursOnlyWhenAsked() throws {
        let plain = try validate([]).stdout
        for problem in Self.expected {
            #expect(plain.contains("\(problem.file):\(problem.line):\(problem.column): error[\(problem.code)]"), "\(problem)\n\(plain)")
        }
        #expect(plain.contains("3 | -- upstream: extrct_orders\n  |              ^~~~~~~~~~~~~"), "\(plain)")
        #expect(plain.contains("5 errors in 5 files"))
        #expect(!plain.contains("\u{1B}["), "no colour when standard output is not a terminal")
        #expect(try validate(["--color", "always"]).stdout.contains("\u{1B}[1;31merror[DF201]"))
        #expect(!(try validate(["--format", "text", "--color", "never"]).stdout.contains("\u{1B}[")))
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`) the text format is coloured by default,
    /// unless NO_COLOR is set or `--color never` is given.
    @Test func aTerminalGetsColourUnlessTurnedOff() throws {
        // The test runner may itself run with NO_COLOR set; `env -u` gives the command a clean slate.
        let onTerminal = { (prefix: String, arguments: String) throws -> ProcessResult in
            let command = "env -u NO_COLOR \(prefix) \(DagforgeBinary.path) validate --repo \(Self.fixture.path) \(arguments)"
            return try ProcessRunner.run(command: "script", ["-qec", command, "/dev/null"])
        }
        let coloured = try onTerminal("", "")
        #expect(coloured.status == 1)
        #expect(coloured.stdout.contains("\u{1B}[1;31merror[DF201]"), "\(coloured.stdout)")
        #expect(!(try onTerminal("NO_COLOR=1", "").stdout.contains("\u{1B}[")))
        #expect(!(try onTerminal("", "--color never").stdout.contains("\u{1B}[")))
    }

    @Test func jsonCarriesEveryDiagnosticWithItsLocationAndASummary() throws {
        let document = try #require(try json(try validate(["--format", "json"]).stdout) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        let found = Set(diagnostics.compactMap { entry -> Expected? in
            guard let code = entry["ruleId"] as? String, let file = entry["file"] as? String,
                  let line = entry["line"] as? Int, let column = entry["column"] as? Int else { return nil }
            return Expected(code: code, file: file, line: line, column: column)
        })
        #expect(found == Self.expected)
        #expect(diagnostics.allSatisfy { $0["hint"] is String && $0["severity"] as? String == "error" })
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary["errors"] == 5 && summary["workflows"] == 4 && summary["tasks"] == 7)
        #expect(document["impact"] is NSNull, "impact is only set by --changed-since")
    }

    @Test func junitHasASuitePerWorkflowACasePerTaskAndCountsTheFailures() throws {
        let xml = try validate(["--format", "junit"]).stdout
        let root = try #require(try XMLDocument(xmlString: xml, options: []).rootElement())
        let suites = root.elements(forName: "testsuite")
        #expect(Set(suites.compactMap { $0.attribute(forName: "name")?.stringValue }) == ["billing", "loop", "orders", "reports"])
        let cases = suites.flatMap { $0.elements(forName: "testcase") }
        let names = Set(cases.compactMap { $0.attribute(forName: "name")?.stringValue })
        for task in ["extract_orders", "load_orders", "invoice", "first", "second", "count_orders", "notify"] {
            #expect(names.contains(task), "a test case for task \(task)")
        }
        let failures = cases.flatMap { $0.elements(forName: "failure") }
        #expect(failures.count == 5, "\(xml)")
        #expect(root.attribute(forName: "failures")?.stringValue == "5")
        let failureText = failures.compactMap(\.stringValue).joined(separator: "\n")
        for problem in Self.expected { #expect(failureText.contains("\(problem.file):\(problem.line):\(problem.column)"), "\(problem)") }
        let reports = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "reports" })
        #expect(reports.attribute(forName: "failures")?.stringValue == "0")
    }

    @Test func sarifValidatesAgainstTheSchemaAndLocatesEveryResult() throws {
        let sarif = try validate(["--format", "sarif"]).stdout
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-e2e-\(UUID().uuidString).sarif")
        try Data(sarif.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let schema = DagforgeBinary.packageRoot.appendingPathComponent("Tests/Fixtures/sarif/sarif-schema-2.1.0.json")
        let check = try ProcessRunner.run(command: "python3", ["-c", """
            import json, sys, jsonschema
            errors = list(jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """, schema.path, file.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let log = try #require(try json(sarif) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let found = Set(results.compactMap { result -> Expected? in
            let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
            let region = physical?["region"] as? [String: Any]
            guard let code = result["ruleId"] as? String,
                  let file = (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String,
                  let line = region?["startLine"] as? Int, let column = region?["startColumn"] as? Int else { return nil }
            return Expected(code: code, file: file, line: line, column: column)
        })
        #expect(found == Self.expected)
    }

    @Test func githubAnnotatesEveryLocation() throws {
        let output = try validate(["--format", "github"]).stdout
        for problem in Self.expected {
            #expect(output.contains("::error file=\(problem.file),line=\(problem.line),col=\(problem.column),"), "\(problem)\n\(output)")
        }
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("::error ") }.count == 5)
    }

    @Test func gitlabReportsEveryIssueAtItsLine() throws {
        let issues = try #require(try json(try validate(["--format", "gitlab"]).stdout) as? [[String: Any]])
        let found = Set(issues.compactMap { issue -> String? in
            let location = issue["location"] as? [String: Any]
            guard let code = issue["check_name"] as? String, let path = location?["path"] as? String,
                  let line = (location?["lines"] as? [String: Int])?["begin"] else { return nil }
            return "\(path):\(line) \(code)"
        })
        #expect(found == Set(Self.expected.map { "\($0.file):\($0.line) \($0.code)" }))
    }

    @Test func exitCodesFollowErrorsAndStrict() throws {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        try sandbox.write("workflows/w/a.sh", "echo '{{ env.SOME_SECRET }}'\n")
        try sandbox.write("environments/test.yaml", "variables: {}\n")
        try sandbox.commitAll("a warning only")
        for format in ["text", "json", "junit", "sarif", "github", "gitlab"] {
            let lenient = try DagforgeBinary.run(["validate", "--format", format], in: sandbox.path, environment: ["SOME_SECRET": ""])
            #expect(lenient.status == 0, "\(format): warnings pass: \(lenient.stdout)\(lenient.stderr)")
            let strict = try DagforgeBinary.run(["validate", "--strict", "--format", format], in: sandbox.path, environment: ["SOME_SECRET": ""])
            #expect(strict.status == 1, "\(format): --strict fails on warnings")
        }
        let usage = try DagforgeBinary.run(["validate", "--format", "xml"], in: sandbox.path)
        #expect(usage.status == 64 && usage.stderr.contains("xml"))
    }
}
