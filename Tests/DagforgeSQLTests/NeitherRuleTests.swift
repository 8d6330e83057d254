import DagforgeSQL
import Testing

@Suite("Statements and names that are neither read nor written")
struct NeitherRuleTests {
    static let cases: [Case] = [
        Case("DROP TABLE IF EXISTS t"),
        Case("TRUNCATE TABLE t"),
        Case("USE dw"),
        Case("SET hive.exec.dynamic.partition=true", .hive),
        Case("ANALYZE TABLE t COMPUTE STATISTICS", .hive),
        Case("MSCK REPAIR TABLE t", .hive),
        Case("ALTER TABLE t ADD COLUMNS (c string)", .hive),
        Case("ALTER TABLE t DROP IF EXISTS PARTITION (dt='1')", .hive),
        Case("EXPLAIN SELECT * FROM t"),
        Case("EXPLAIN INSERT INTO t SELECT * FROM s"),
        Case("INSERT OVERWRITE DIRECTORY '/out' SELECT * FROM s", .hive, reads: ["s"]),
        Case("INSERT OVERWRITE LOCAL DIRECTORY '/out' SELECT * FROM s", .hive, reads: ["s"]),
        Case("WITH c AS (SELECT * FROM s) SELECT * FROM c", reads: ["s"]),
        Case("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r"),
        Case("SELECT * FROM generate_series(1, 10) g", .postgres),
        Case("SELECT * FROM unnest(ARRAY[1, 2]) AS u(x)", .postgres),
        Case("SELECT * FROM (VALUES (1), (2)) AS v(x)"),
        Case("SELECT 1 FROM dual", .mysql),
        Case("SELECT extract(year FROM d), substring(s FROM 2 FOR 3), trim(both 'x' FROM s) FROM t", reads: ["t"]),
        Case("SELECT a IS DISTINCT FROM b FROM t", .postgres, reads: ["t"]),
        Case("CREATE INDEX i ON t (a)"),
        Case("CREATE DATABASE IF NOT EXISTS dw"),
        Case("CREATE TEMPORARY FUNCTION f AS 'com.example.F'", .hive),
        Case("GRANT SELECT ON t TO analyst"),
        Case("SHOW TABLES FROM dw", .mysql),
        Case("BEGIN; COMMIT;", .postgres),
    ]

    @Test(arguments: cases)
    func neither(_ example: Case) {
        #expect(example.actual == example.expected)
    }
}
