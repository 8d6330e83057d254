import DagforgeSpec

/// A report with one of each kind of diagnostic the formats must carry: errors tied to a task, a
/// workflow-level error whose message needs escaping everywhere (quotes, `<>&`, `%`, `,:`, a newline,
/// non-ASCII, a control character), a multi-line warning in a path with a space and a comma, notes with
/// and without locations, and an error with no location and no workflow.
enum SeededReport {
    static let unknownEnvironment = Diagnostic(
        .error, "DF402", "unknown environment 'prd'", hint: "pick one of: prod, test, uat"
    )
    static let lineageWarning = Diagnostic(
        .warning, "DF504", "stored-procedure body skipped; lineage may be incomplete",
        hint: "declare upstreams explicitly", at: range("workflows/ods_ingest/load all,v2.sql", 4, 2, 9, 3),
        workflow: "ods_ingest", task: "load all,v2"
    )
    static let unknownKey = Diagnostic(
        .error, "DF102", "unknown key \"upstrem\" <in 'header'> & 100% of a,b:c\nsecond line 表\u{1}",
        hint: "did you mean 'upstream'?", at: range("workflows/ods_ingest/workflow.yaml", 5, 3, 5, 10),
        workflow: "ods_ingest"
    )
    static let unknownUpstream = Diagnostic(
        .error, "DF201", "unknown upstream task 'extrct'", hint: "did you mean 'extract_cases'?",
        at: range("workflows/pv_daily/load_signals.sql", 2, 14, 2, 20), workflow: "pv_daily", task: "load_signals"
    )
    static let cycle = Diagnostic(
        .error, "DF301", "dependency cycle: load_signals -> notify -> load_signals",
        at: range("workflows/pv_daily/notify.sh", 3, 13, 3, 25),
        notes: [
            .init("notify depends on load_signals, declared here", at: range("workflows/pv_daily/notify.sh", 3, 13, 3, 25)),
            .init("load_signals depends on notify, inferred from table dw.alerts read here",
                  at: range("workflows/pv_daily/load_signals.sql", 7, 15, 7, 24)),
            .init("remove one of these edges to break the cycle"),
        ],
        workflow: "pv_daily", task: "notify"
    )

    /// In display order (by file, then line).
    static let diagnostics = [unknownEnvironment, lineageWarning, unknownKey, unknownUpstream, cycle]

    static let report = DiagnosticReport(
        diagnostics: [cycle, unknownUpstream, lineageWarning, unknownEnvironment, unknownKey],
        checkedWorkflows: [
            "pv_daily": ["extract_cases", "load_signals", "notify"],
            "ods_ingest": ["load all,v2"],
            "finance_daily": ["build_ledger"],
        ],
        toolVersion: "0.1.0-test"
    )

    static let sourceFiles = [
        "workflows/pv_daily/load_signals.sql": """
            -- name: load_signals
            -- upstream: extrct, notify
            insert into dw.signals
            select c.case_id, count(*)
            from dw.cases c
            group by c.case_id;
            select * from dw.alerts;
            """,
        "workflows/pv_daily/notify.sh": "#!/bin/sh\n# name: notify\n# upstream: load_signals\n./notify.sh\n",
        "workflows/ods_ingest/load all,v2.sql": "-- name: load all,v2\r\nbegin\r\n  -- refresh\r\n\tcall refresh_all();\r\nend;\r\n",
        "workflows/ods_ingest/workflow.yaml": "description: ODS\ntasks:\n  - name: x\n    type: shell\n  upstrem: [a]\n",
    ]

    static func range(_ path: String, _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(path: path, start: SourceLocation(line: line, column: column), end: SourceLocation(line: endLine, column: endColumn))
    }
}
