import DagforgeCompiler
import DagforgeSpec
import Testing

/// Inference inside the compiler: every entry point sees edges from SQL lineage.
struct LineageInferenceTests {
    private static let environment = ["environments/test.yaml": "datasources: { dw: warehouse }"]

    private func compiler(_ files: [String: String]) -> Compiler {
        Compiler(repository: SpecLoader.load(files.merging(Self.environment) { new, _ in new }))
    }

    private func address(_ text: String) -> TaskAddress { TaskAddress(parsing: text, relativeTo: "")! }

    private func edge(_ from: String, _ to: String) -> DependencyGraph.Edge { .init(from: address(from), to: address(to)) }

    @Test func useQualifiesNamesAndPositionsPointPastTheHeader() throws {
        let compiler = compiler([
            "dagforge.yaml": "dialect: hive",
            "workflows/dw/load.sql": "-- datasource: dw\nuse dw;\ninsert overwrite table x select * from ods.y;",
            "workflows/dw/report.sql": "-- datasource: dw\n-- description: reads dw.x\ninsert into dw.r\nselect * from dw.x;",
        ])
        let origins = compiler.dependencies.origins(of: edge("dw/load", "dw/report"))
        #expect(origins == [.inferred(
            table: "dw.x",
            read: SourceRange(path: "workflows/dw/report.sql", start: .init(line: 4, column: 15, offset: 76)),
            written: SourceRange(path: "workflows/dw/load.sql", start: .init(line: 3, column: 24, offset: 49)))])
        #expect(origins.first?.explanation
            == "inferred from dw.x read at workflows/dw/report.sql:4:15 (written at workflows/dw/load.sql:3:24)")
        #expect(compiler.lineage.tables.externalSources.map(\.name) == ["ods.y"])
    }

    @Test func declaredAndInferredEdgesKeepBothOrigins() throws {
        let compiler = compiler([
            "workflows/w/a.sql": "-- datasource: dw\ninsert into t select 1;",
            "workflows/w/b.sql": "-- datasource: dw\n-- upstream: a\ninsert into u select * from t;",
        ])
        let origins = compiler.dependencies.origins(of: edge("w/a", "w/b"))
        #expect(origins.map(\.isInferred) == [false, true])
        #expect(origins.map(\.explanation) == [
            "declared at workflows/w/b.sql:2:14",
            "inferred from t read at workflows/w/b.sql:3:29 (written at workflows/w/a.sql:2:13)",
        ])
    }

    @Test func crossWorkflowReadCompilesToADependentNode() throws {
        let compiler = compiler([
            "workflows/ods/load.sql": "-- datasource: dw\ninsert into ods.orders select * from src.orders;",
            "workflows/dw/stage.sql": "-- datasource: dw\ninsert into dw.orders select * from ods.orders;",
        ])
        #expect(compiler.dependencies.upstreams(of: address("dw/stage")) == [address("ods/load")])
        let result = compiler.compile(environment: "test", processEnvironment: [:])
        let dw = try #require(result.workflows.first { $0.name == "dw" })
        let nodes = dw.definition.taskDefinitionJson.map { "\($0.name) \($0.taskType)" }
        #expect(nodes.sorted() == ["stage SQL", "wait.ods.load DEPENDENT"])
    }

    @Test func aDependentTaskThatAlreadyWaitsMakesTheCrossWorkflowEdgeRedundant() {
        let compiler = compiler([
            "workflows/ods/load.sql": "-- datasource: dw\ninsert into ods.orders select * from src.orders;",
            "workflows/dw/workflow.yaml": "tasks:\n  - name: wait_ods\n    type: dependent\n    on: ods\n",
            "workflows/dw/stage.sql": "-- datasource: dw\n-- upstream: wait_ods\ninsert into dw.orders select * from ods.orders;",
        ])
        #expect(compiler.dependencies.upstreams(of: address("dw/stage")) == [address("dw/wait_ods")])
        #expect(compiler.inference.edges.isEmpty)
    }

    @Test func aWaitCoveredThroughInferredEdgesAddsNoSecondDependentNode() {
        let compiler = compiler([
            "workflows/ods/load.sql": "-- datasource: dw\ninsert into ods.orders select * from src.orders;",
            "workflows/dw/workflow.yaml": "tasks:\n  - name: wait_ods\n    type: dependent\n    on: ods\n",
            "workflows/dw/stage.sql": "-- datasource: dw\n-- upstream: wait_ods\ninsert into dw.orders select * from ods.orders;",
            "workflows/dw/report.sql": "-- datasource: dw\ninsert into dw.report select * from dw.orders join ods.orders using (id);",
        ])
        #expect(compiler.dependencies.upstreams(of: address("dw/report")) == [address("dw/stage")])
    }

    @Test func eachTableKeepsItsOwnWritePositionWhenWritersRepeat() throws {
        let compiler = compiler([
            "workflows/w/create.sql": "-- datasource: dw\ncreate table a (id int);\ncreate table b (id int);",
            "workflows/w/load.sql": "-- datasource: dw\n-- upstream: create\ninsert into a select 1;\ninsert into b select 2;",
            "workflows/w/read.sql": "-- datasource: dw\ninsert into c select * from a join b using (id);",
        ])
        let origins = compiler.dependencies.origins(of: edge("w/load", "w/read"))
        #expect(origins.map(\.explanation) == [
            "inferred from a read at workflows/w/read.sql:2:29 (written at workflows/w/load.sql:3:13)",
            "inferred from b read at workflows/w/read.sql:2:36 (written at workflows/w/load.sql:4:13)",
        ])
    }

    @Test func writersInDeclaredOrderAreNotAmbiguous() {
        let compiler = compiler([
            "workflows/w/create_t.sql": "-- datasource: dw\ncreate table if not exists t (id int);",
            "workflows/w/load_t.sql": "-- datasource: dw\n-- upstream: create_t\ninsert into t select * from src.t;",
            "workflows/w/read_t.sql": "-- datasource: dw\ninsert into u select * from t;",
        ])
        #expect(compiler.dependencies.upstreams(of: address("w/read_t")) == [address("w/load_t")])
        #expect(!compiler.diagnostics.contains { $0.code == "DF501" })
    }

    @Test func aTableWrittenByTwoTasksAndReadByAThirdNamesAllThree() throws {
        let compiler = compiler([
            "workflows/w/one.sql": "-- datasource: dw\ninsert into t select 1;",
            "workflows/w/two.sql": "-- datasource: dw\ninsert into t select 2;",
            "workflows/w/reader.sql": "-- datasource: dw\ninsert into u select * from t;",
        ])
        let error = try #require(compiler.diagnostics.first { $0.code == "DF501" })
        #expect(error.severity == .error)
        #expect(error.range?.description == "workflows/w/reader.sql:2:29")
        #expect(error.message == "table 't' read by w/reader is written by 2 tasks: "
            + "w/one (workflows/w/one.sql:2:13), w/two (workflows/w/two.sql:2:13)")
        #expect(error.notes.map { $0.range?.description } == ["workflows/w/one.sql:2:13", "workflows/w/two.sql:2:13"])
        #expect(compiler.dependencies.upstreams(of: address("w/reader")).isEmpty)
    }

    @Test func anInferredCycleIsDF502NamingTheTable() throws {
        let compiler = compiler([
            "workflows/w/a.sql": "-- datasource: dw\ninsert into t1 select * from t2;",
            "workflows/w/b.sql": "-- datasource: dw\ninsert into t2 select * from t1;",
        ])
        let cycle = try #require(compiler.diagnostics.first { $0.code == "DF502" })
        #expect(cycle.message.hasPrefix("dependency cycle: w/"))
        #expect(cycle.message.hasSuffix("(inferred from table 't1', 't2')"))
        #expect(cycle.notes.contains { $0.message.contains("inferred from t1 read at workflows/w/b.sql:2:30") })
    }

    @Test(arguments: [
        ["workflows/w/b.sql": "-- datasource: dw\n-- infer: false\ninsert into u select * from t;"],
        ["workflows/w/workflow.yaml": "defaults:\n  infer: false\n"],
        ["dagforge.yaml": "infer: false\n"],
    ])
    func inferFalseTurnsInferenceOff(level: [String: String]) {
        let compiler = compiler([
            "workflows/w/a.sql": "-- datasource: dw\ninsert into t select 1;",
            "workflows/w/b.sql": "-- datasource: dw\ninsert into u select * from t;",
        ].merging(level) { _, new in new })
        #expect(compiler.dependencies.graph.edges.isEmpty)
        #expect(compiler.lineage.tables.table(named: "t")?.readers.map(\.task) == [address("w/b")])
    }

    @Test func aWriterWithInferFalseLeavesTheTableToTheOtherWriter() {
        let compiler = compiler([
            "workflows/w/load.sql": "-- datasource: dw\ninsert into t select 1;",
            "workflows/w/purge.sql": "-- datasource: dw\n-- infer: false\ndelete from t where id < 0;",
            "workflows/w/reader.sql": "-- datasource: dw\ninsert into u select * from t;",
        ])
        #expect(compiler.dependencies.upstreams(of: address("w/reader")) == [address("w/load")])
        #expect(!compiler.diagnostics.hasErrors)
    }

    @Test func readingOnlyItsOwnOutputAndUnreadableSQLAreWarnings() throws {
        let compiler = compiler([
            "workflows/w/rollup.sql": "-- datasource: dw\ninsert into total select * from total;",
            "workflows/w/proc.sql": "-- datasource: dw\ncreate procedure p() begin select 1; end;",
        ])
        let own = try #require(compiler.diagnostics.first { $0.code == "DF503" })
        #expect(own.severity == .warning)
        #expect(own.range?.description == "workflows/w/rollup.sql:2:33")
        let skipped = try #require(compiler.diagnostics.first { $0.code == "DF504" })
        #expect(skipped.severity == .warning)
        #expect(skipped.range?.path == "workflows/w/proc.sql")
    }
}
