import DagforgeSQL
import Testing

@Suite("Statements that write tables")
struct WriteRuleTests {
    static let cases: [Case] = [
        Case("INSERT INTO dw.t SELECT * FROM s", reads: ["s"], writes: ["dw.t"]),
        Case("insert overwrite table dw.t partition (dt='1') select a from s", .hive, reads: ["s"], writes: ["dw.t"]),
        Case("INSERT OVERWRITE dw.t SELECT 1", .spark, writes: ["dw.t"]),
        Case("INSERT INTO TABLE t PARTITION (dt) (a, b) SELECT a, b FROM s", .hive, reads: ["s"], writes: ["t"]),
        Case("REPLACE INTO t SELECT * FROM s", .mysql, reads: ["s"], writes: ["t"]),
        Case("INSERT IGNORE INTO t VALUES (1)", .mysql, writes: ["t"]),
        Case("INSERT t VALUES (1)", .mysql, writes: ["t"]),
        Case("INSERT OR REPLACE INTO t VALUES (1)", .sqlite, writes: ["t"]),
        Case("from s insert overwrite table a select x insert into table b select y", .hive,
             reads: ["s"], writes: ["a", "b"]),
        Case("CREATE TABLE t (id int)", writes: ["t"]),
        Case("CREATE TABLE IF NOT EXISTS db.t AS SELECT * FROM s", reads: ["s"], writes: ["db.t"]),
        Case("CREATE TABLE t LIKE s", .mysql, reads: ["s"], writes: ["t"]),
        Case("CREATE TABLE t (LIKE s INCLUDING ALL)", .postgres, reads: ["s"], writes: ["t"]),
        Case("CREATE TEMPORARY TABLE t SELECT * FROM s", .mysql, reads: ["s"], writes: ["t"]),
        Case("CREATE OR REPLACE VIEW v AS SELECT * FROM s", reads: ["s"], writes: ["v"]),
        Case("CREATE MATERIALIZED VIEW IF NOT EXISTS v AS SELECT * FROM s", .postgres, reads: ["s"], writes: ["v"]),
        Case("CACHE TABLE c AS SELECT * FROM s", .spark, reads: ["s"], writes: ["c"]),
        Case("CACHE LAZY TABLE c OPTIONS ('storageLevel' 'DISK_ONLY') SELECT * FROM s", .spark,
             reads: ["s"], writes: ["c"]),
        Case("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a "
             + "WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)", reads: ["s"], writes: ["t"]),
        Case("UPDATE t SET a = 1 WHERE b IN (SELECT b FROM s)", reads: ["s"], writes: ["t"]),
        Case("UPDATE t SET a = s.a FROM s WHERE s.id = t.id", .postgres, reads: ["s"], writes: ["t"]),
        Case("UPDATE a JOIN b ON a.id = b.id SET b.x = a.x", .mysql, reads: ["a"], writes: ["b"]),
        Case("UPDATE a x, b y SET x.v = y.v WHERE x.id = y.id", .mysql, reads: ["b"], writes: ["a"]),
        Case("DELETE FROM t WHERE id IN (SELECT id FROM s)", reads: ["s"], writes: ["t"]),
        Case("DELETE FROM t USING s WHERE s.id = t.id", .postgres, reads: ["s"], writes: ["t"]),
        Case("DELETE x FROM t x JOIN s ON s.id = x.id", .mysql, reads: ["s"], writes: ["t"]),
        Case("DELETE FROM t1, t2 USING t1 JOIN t2 JOIN t3 WHERE t1.id = t3.id", .mysql,
             reads: ["t3"], writes: ["t1", "t2"]),
        Case("LOAD DATA LOCAL INPATH '/x' OVERWRITE INTO TABLE t PARTITION (dt='1')", .hive, writes: ["t"]),
        Case("LOAD DATA INFILE '/x.csv' INTO TABLE t", .mysql, writes: ["t"]),
        Case("COPY t (a, b) FROM '/x.csv' WITH (FORMAT csv)", .postgres, writes: ["t"]),
        Case("COPY t FROM STDIN", .postgres, writes: ["t"]),
        Case("COPY t TO STDOUT", .postgres, reads: ["t"]),
        Case("COPY (SELECT * FROM s) TO '/x.csv'", .postgres, reads: ["s"]),
        Case("SELECT * INTO t FROM s", .postgres, reads: ["s"], writes: ["t"]),
        Case("SELECT a INTO TEMP TABLE t FROM s", .postgres, reads: ["s"], writes: ["t"]),
        Case("SELECT a INTO @v FROM s", .mysql, reads: ["s"]),
        Case("SELECT a FROM s INTO OUTFILE '/tmp/x'", .mysql, reads: ["s"]),
        Case("ALTER TABLE a RENAME TO b", writes: ["b"]),
        Case("ALTER TABLE a RENAME COLUMN x TO y", .postgres),
        Case("RENAME TABLE a TO b, c TO d", .mysql, writes: ["b", "d"]),
        Case("ALTER TABLE t EXCHANGE PARTITION (dt='1') WITH TABLE s", .hive, reads: ["s"], writes: ["t"]),
        Case("WITH d AS (DELETE FROM q RETURNING *) INSERT INTO a SELECT * FROM d", .postgres, writes: ["a", "q"]),
        Case("UPDATE t SET x = 1 FROM t JOIN s ON s.id = t.id", reads: ["s"], writes: ["t"]),
        Case("UPDATE a SET a.x = 1 FROM dbo.t a JOIN s ON s.id = a.id", reads: ["s"], writes: ["dbo.t"]),
        Case("IMPORT TABLE t FROM '/exports/t'", .hive, writes: ["t"]),
        Case("EXPORT TABLE t TO '/exports/t'", .hive, reads: ["t"]),
    ]

    @Test(arguments: cases)
    func writes(_ example: Case) {
        #expect(example.actual == example.expected)
    }
}
