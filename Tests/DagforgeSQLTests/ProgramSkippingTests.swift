import DagforgeSQL
import Testing

@Suite("Stored programs and DELIMITER blocks are skipped with a warning")
struct ProgramSkippingTests {
    @Test func mysqlDelimiterBlockIsSkipped() {
        let script = """
        INSERT INTO a SELECT 1;
        DELIMITER //
        CREATE PROCEDURE p() BEGIN INSERT INTO hidden SELECT * FROM secret; END //
        DELIMITER ;
        INSERT INTO b SELECT * FROM c;
        """
        let lineage = SQLAnalyzer.analyze(script, dialect: .mysql)
        #expect(Names(script, .mysql) == Names(reads: ["c"], writes: ["a", "b"]))
        #expect(lineage.warnings.map(\.line) == [2])
    }

    @Test func procedureBodyWithoutDelimiterIsSkipped() {
        let script = """
        CREATE PROCEDURE p()
        BEGIN
          IF x THEN INSERT INTO hidden VALUES (1); END IF;
          CASE WHEN y THEN DELETE FROM gone; END CASE;
        END;
        INSERT INTO b SELECT * FROM c;
        """
        #expect(Names(script, .mysql) == Names(reads: ["c"], writes: ["b"]))
        #expect(SQLAnalyzer.analyze(script, dialect: .mysql).warnings.count == 1)
    }

    @Test func anonymousBlockIsSkippedButTransactionsAreNot() {
        #expect(Names("BEGIN INSERT INTO h VALUES (1); END; INSERT INTO b SELECT 1") == Names(writes: ["b"]))
        #expect(Names("BEGIN; INSERT INTO b SELECT 1; COMMIT;", .postgres) == Names(writes: ["b"]))
        #expect(SQLAnalyzer.analyze("BEGIN TRANSACTION; COMMIT;", dialect: .sqlite).warnings.isEmpty)
    }

    @Test func dollarQuotedFunctionBodyIsSkipped() {
        let script = "CREATE FUNCTION f() RETURNS void AS $$ INSERT INTO h SELECT 1; $$ LANGUAGE sql; SELECT * FROM a"
        let lineage = SQLAnalyzer.analyze(script, dialect: .postgres)
        #expect(Names(script, .postgres) == Names(reads: ["a"]))
        #expect(lineage.warnings.count == 1)
    }

    @Test func unknownStatementsWarn() {
        let lineage = SQLAnalyzer.analyze("FROBNICATE the widgets; CALL refresh_all(); SELECT * FROM a", dialect: .generic)
        #expect(lineage.reads.map(\.name) == ["a"])
        #expect(lineage.warnings.count == 2)
    }
}
