import DagforgeSQL
import Testing

@Suite("Whole-script rules: order, default schemas, positions, de-duplication")
struct ScriptRuleTests {
    @Test func tableWrittenEarlierIsNotARead() {
        let names = Names("CREATE TABLE tmp AS SELECT * FROM src; INSERT INTO final SELECT * FROM tmp; DROP TABLE tmp")
        #expect(names == Names(reads: ["src"], writes: ["final", "tmp"]))
    }

    @Test func tableReadBeforeItIsWrittenStaysARead() {
        #expect(Names("INSERT INTO a SELECT * FROM b; INSERT INTO b SELECT 1") == Names(reads: ["b"], writes: ["a", "b"]))
    }

    @Test func selfReadInOneStatementIsBothReadAndWrite() {
        #expect(Names("INSERT OVERWRITE TABLE t SELECT * FROM t UNION ALL SELECT * FROM s", .hive)
            == Names(reads: ["s", "t"], writes: ["t"]))
    }

    @Test func useSetsTheSchemaInEffect() {
        let lineage = SQLAnalyzer.analyze("use dw;\ninsert overwrite table x select * from ods.y join z", dialect: .hive)
        #expect(lineage.writes.map(\.name) == ["x"])
        #expect(lineage.writes.first?.schemaInEffect == "dw")
        #expect(lineage.writes.first?.qualifiedName == "dw.x")
        #expect(lineage.reads.map(\.qualifiedName) == ["ods.y", "dw.z"])
        #expect(lineage.defaultSchemas == ["dw"])
    }

    @Test func searchPathSetsTheSchemaInEffect() {
        let lineage = SQLAnalyzer.analyze("SET search_path TO \"$user\", mart, public; SELECT * FROM t; "
            + "SET SCHEMA 'ods'; SELECT * FROM u", dialect: .postgres)
        #expect(lineage.reads.map(\.qualifiedName) == ["mart.t", "ods.u"])
        #expect(lineage.defaultSchemas == ["mart", "ods"])
    }

    @Test func orderingComparesQualifiedNames() {
        #expect(Names("use dw; insert into x select 1; select * from dw.x; use ods; select * from x", .hive)
            == Names(reads: ["x"], writes: ["x"]))
        let lineage = SQLAnalyzer.analyze("use dw; insert into x select 1; use ods; select * from x", dialect: .hive)
        #expect(lineage.reads.map(\.qualifiedName) == ["ods.x"])
    }

    @Test func outputIsDeduplicatedSortedByBytesAndPositioned() throws {
        let script = "SELECT * FROM b;\n  SELECT * FROM a JOIN b;\nSELECT * FROM \u{00E9}t\u{00E9}, B"
        let lineage = SQLAnalyzer.analyze(script, dialect: .generic)
        #expect(lineage.reads.map(\.name) == ["a", "b", "\u{00E9}t\u{00E9}"])
        let first = try #require(lineage.reads.first { $0.name == "b" })
        #expect((first.line, first.column, first.offset) == (1, 15, 14))
        let a = try #require(lineage.reads.first { $0.name == "a" })
        #expect((a.line, a.column) == (2, 17))
        let accented = try #require(lineage.reads.last)
        #expect((accented.line, accented.column) == (3, 15))
    }
}
