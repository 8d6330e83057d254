@testable import DagforgeSpec
import Testing

struct TaskHeaderParserTests {
    @Test func readsDolphinSchedulerHintsAndStripsTheHeader() {
        let text = "-- name: load\n-- upstream: a, b\n-- datasource: dw\nINSERT INTO t SELECT 1;\n"
        let (header, problems) = TaskHeaderParser.parse(text, path: "workflows/w/x.sql", marker: "--")
        #expect(problems.isEmpty)
        #expect(header.entries.map(\.key.value) == ["name", "upstream", "datasource"])
        #expect(header.body.text == "INSERT INTO t SELECT 1;\n")
        #expect(header.body.start.start.line == 4)
    }

    @Test func upstreamListEntriesKeepTheirColumns() {
        let text = "-- upstream: alpha,  beta\nSELECT 1;"
        let repository = SpecLoader.load(["workflows/w/x.sql": text, "workflows/w/alpha.sql": "", "workflows/w/beta.sql": ""])
        let upstream = repository.workflows[0].task(named: "x")?.settings.upstream ?? []
        #expect(upstream.map(\.value) == ["alpha", "beta"])
        #expect(upstream.map(\.range.start.column) == [14, 22])
    }

    @Test func rootMeansNoUpstream() {
        let repository = SpecLoader.load(["workflows/w/x.sql": "-- upstream: root\nSELECT 1;"])
        #expect(repository.workflows[0].tasks[0].settings.upstream == [])
    }

    @Test func nearMissKeysAreErrorsAndOrdinaryCommentsStayComments() {
        let text = "-- upstrem: a\n-- note: loads the cases\nSELECT 1;"
        let (header, problems) = TaskHeaderParser.parse(text, path: "x.sql", marker: "--")
        #expect(header.entries.isEmpty)
        #expect(problems.map(\.code) == ["DF102"])
        #expect(problems.first?.message.contains("did you mean 'upstream'") == true)
        #expect(problems.first?.range?.start == SourceLocation(line: 1, column: 4, offset: 3))
    }

    @Test func shebangStaysInFrontOfTheScript() {
        let text = "#!/bin/sh\n# upstream: a\n# retries: 2\necho hi\n"
        let (header, problems) = TaskHeaderParser.parse(text, path: "x.sh", marker: "#")
        #expect(problems.isEmpty)
        #expect(header.entries.map(\.value.value) == ["a", "2"])
        #expect(header.body.text == "#!/bin/sh\necho hi\n")
    }

    @Test func headerValuesAreTypedLikeYAML() {
        let repository = SpecLoader.load([
            "workflows/w/x.sql": "-- retries: many\n-- timeout: 1h\n-- priority: high\nSELECT 1;",
        ])
        let task = repository.workflows[0].tasks[0]
        #expect(repository.diagnostics.map(\.code) == ["DF103"])
        #expect(task.settings.timeout == 60)
        #expect(task.settings.priority == .HIGH)
    }

    @Test func trailingBlanksLeaveValuesWhateverTheirScript() {
        // Tabs, carriage returns and an ideographic space after the value go; a non-ASCII value stays whole.
        let text = "-- description: Umsatz je Straße \t\r\n-- datasource: 数据仓库\u{3000}\n-- retries: 2\u{00A0}\nSELECT 1;"
        let (header, problems) = TaskHeaderParser.parse(text, path: "x.sql", marker: "--")
        #expect(problems.isEmpty)
        #expect(header.entries.map(\.value.value) == ["Umsatz je Straße", "数据仓库", "2"])
        #expect(header.entries.map(\.value.range.start.column) == [17, 16, 13])
        #expect(header.entries.map(\.value.range.end.column) == [33, 20, 14])
    }
}
