import DagforgeSQL
import Testing

@Suite("Source positions that read tables")
struct ReadRuleTests {
    static let cases: [Case] = [
        Case("SELECT * FROM a, b x, c AS y", reads: ["a", "b", "c"]),
        Case("SELECT * FROM a JOIN b ON a.i = b.i LEFT OUTER JOIN c USING (i) CROSS JOIN d", reads: ["a", "b", "c", "d"]),
        Case("SELECT * FROM a JOIN b ON a.i = b.i, c", reads: ["a", "b", "c"]),
        Case("SELECT * FROM (SELECT * FROM a) s JOIN (SELECT * FROM b) t ON s.i = t.i", reads: ["a", "b"]),
        Case("SELECT * FROM (a JOIN b ON a.i = b.i)", reads: ["a", "b"]),
        Case("SELECT a FROM x UNION SELECT a FROM y INTERSECT SELECT a FROM z EXCEPT SELECT a FROM w",
             reads: ["w", "x", "y", "z"]),
        Case("SELECT * FROM a WHERE i IN (SELECT i FROM b) AND EXISTS (SELECT 1 FROM c)", reads: ["a", "b", "c"]),
        Case("SELECT (SELECT max(v) FROM b) FROM a", reads: ["a", "b"]),
        Case("SELECT * FROM a CROSS JOIN LATERAL (SELECT * FROM b WHERE b.i = a.i) l", .postgres, reads: ["a", "b"]),
        Case("SELECT * FROM ONLY a", .postgres, reads: ["a"]),
        Case("select * from a lateral view explode(a.xs) t as x, y", .hive, reads: ["a"]),
        Case("SELECT * FROM a LEFT SEMI JOIN b ON a.i = b.i", .hive, reads: ["a", "b"]),
        Case("SELECT * FROM cat.db.t", reads: ["cat.db.t"]),
        Case("TABLE a", .postgres, reads: ["a"]),
        Case("SELECT * FROM a WHERE x = (SELECT coalesce((SELECT 1 FROM c), 0))", reads: ["a", "c"]),
        Case("SELECT array(SELECT v FROM b) FROM a", .postgres, reads: ["a", "b"]),
        Case("SELECT * FROM a STRAIGHT_JOIN b ON a.i = b.i", .mysql, reads: ["a", "b"]),
        Case("SELECT * FROM a CROSS APPLY (SELECT TOP 1 * FROM b WHERE b.i = a.i) x", reads: ["a", "b"]),
        Case("SET @n = (SELECT count(*) FROM t)", .mysql, reads: ["t"]),
    ]

    @Test(arguments: cases)
    func reads(_ example: Case) {
        #expect(example.actual == example.expected)
    }
}
