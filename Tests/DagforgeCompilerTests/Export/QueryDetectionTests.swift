@testable import DagforgeCompiler
import Testing

/// DolphinScheduler's sqlType 0 (query) or 1 (non-query) is read from the first word of the first line that is
/// neither blank nor a `--` comment.
@Suite struct QueryDetectionTests {
    @Test(arguments: [
        ("select 1", true),
        ("\n\n  -- counts\n\t-- more\n  WITH x AS (select 1) select * from x", true),
        ("-- select in a comment\ninsert into t select 1", false),
        ("explain select 1;\ninsert into t values (1)", true),
        ("values (1), (2)", true),
        ("", false),
        ("-- only a comment\n\n", false),
        ("selection_table_load()", false),
        ("-- a header written on Windows\r\nSELECT 1\r\n", true),
        ("select\t*\tfrom t", true),
        ("insertselect", false),
        ("sélect 1", false),
    ])
    func firstStatementDecides(sql: String, isQuery: Bool) {
        #expect(TaskParamsBuilder.looksLikeQuery(sql) == isQuery)
    }
}
