import DagforgeSQL
import Testing

@Suite("Comments, literals, quoting, placeholders and statement splitting")
struct LexicalTests {
    static let cases: [Case] = [
        Case("-- FROM x\nSELECT * FROM a /* JOIN y; */ WHERE 1 = 1", reads: ["a"]),
        Case("# FROM x\nSELECT * FROM a", .mysql, reads: ["a"]),
        Case("/* /* nested FROM x */ FROM y */ SELECT * FROM a", .postgres, reads: ["a"]),
        Case("SELECT 'from x; insert into y select 1' FROM a", reads: ["a"]),
        Case("SELECT 'it''s; from x' FROM a", reads: ["a"]),
        Case("SELECT 'a\\'; from x' FROM a", .mysql, reads: ["a"]),
        Case("SELECT E'a\\'; from x' FROM a", .postgres, reads: ["a"]),
        Case("SELECT \"from x; y\" FROM a", .hive, reads: ["a"]),
        Case("SELECT $$ from x; $$, $tag$ ; from y $tag$ FROM a", .postgres, reads: ["a"]),
        Case("SELECT * FROM `Db`.`My Table`", .mysql, reads: ["db.my table"]),
        Case("SELECT * FROM `db.t`", .hive, reads: ["db.t"]),
        Case("SELECT * FROM \"Sch\".\"T\"\"q\"", .postgres, reads: ["sch.t\"q"]),
        Case("SELECT * FROM [dbo].[Order Lines]", reads: ["dbo.order lines"]),
        Case("SELECT * FROM Cat.DB.Tbl", reads: ["cat.db.tbl"]),
        Case("SELECT * FROM ods.t_${bizDate} WHERE dt = '${bizdate}'", .hive, reads: ["ods.t_${bizDate}"]),
        Case("SELECT * FROM ${db}.t", .hive, reads: ["${db}.t"]),
        Case("INSERT INTO t_$[yyyyMMdd-1] SELECT * FROM s_$[yyyyMMdd]", .hive,
             reads: ["s_$[yyyyMMdd]"], writes: ["t_$[yyyyMMdd-1]"]),
        Case("SELECT * FROM {{ schema }}.t", reads: ["{{ schema }}.t"]),
        Case("INSERT INTO a SELECT 1; INSERT INTO b SELECT 2;;; INSERT INTO c SELECT 3", writes: ["a", "b", "c"]),
        Case("SELECT * FROM a;\nSELECT * FROM b", reads: ["a", "b"]),
    ]

    @Test(arguments: cases)
    func lexes(_ example: Case) {
        #expect(example.actual == example.expected)
    }

    @Test func unterminatedQuoteKeepsEarlierStatementsAndWarns() {
        let lineage = SQLAnalyzer.analyze("INSERT INTO t SELECT * FROM s;\nSELECT 'oops FROM x", dialect: .generic)
        #expect(Names(reads: lineage.reads.map(\.name), writes: lineage.writes.map(\.name))
            == Names(reads: ["s"], writes: ["t"]))
        #expect(lineage.warnings.map(\.line) == [2])
        #expect(lineage.warnings.first?.message.contains("unterminated string") == true)
    }

    @Test func dialectDecidesWhatDoubleQuotesMean() {
        #expect(Names("SELECT * FROM \"t\"", .postgres).reads == ["t"])
        #expect(Names("SELECT \"t\" FROM a", .mysql).reads == ["a"])
    }
}
