import DagforgeTestSupport
import DagforgeWire
import Foundation
import GRDB
import Testing
@testable import DagforgeEngine

private func sqlParams(_ type: DbType, sql: String, query: Bool, pre: [String] = [], post: [String] = [],
                       displayRows: Int = 10) -> JSONValue {
    taskParams(SqlParameters(type: type.rawValue, datasource: 7, sql: sql, sqlType: query ? 0 : 1,
                             displayRows: displayRows, preStatements: pre, postStatements: post))
}

@Suite("SQL statements")
struct SqlStatementTests {
    @Test("statements split on semicolons outside quotes, comments and dollar quotes")
    func split() {
        let sql = """
            -- a comment; not a statement
            insert into t values ('a;b'); /* block; comment */ update t set x = "q;q";
            create function f() returns int as $$ select 1; $$ language sql;
            select $1;;
            """
        #expect(SqlStatementSplitter.split(sql) == [
            "insert into t values ('a;b')", "update t set x = \"q;q\"",
            "create function f() returns int as $$ select 1; $$ language sql", "select $1",
        ])
    }

    @Test("${} becomes a typed bound parameter, LIST expands, !{} is pasted, $[] is evaluated")
    func binding() throws {
        let scope = ParameterScope(
            businessTime: BusinessTime(scheduleTime: runtimeWall("2024-03-01 02:00:00", "UTC"), commandType: .SCHEDULER,
                                       timeZone: zone("UTC")),
            global: [Property(prop: "dt", value: "2024-02-29"), Property(prop: "n", type: .INTEGER, value: "5"),
                     Property(prop: "ids", type: .LIST, value: "[1,2,3]"), Property(prop: "table", value: "facts")])
        let parameters = try ParameterResolver.resolve(scope)
        let sqlite = SqlStatementBinder(parameters: parameters, placeholders: .questionMark)
        let bound = try sqlite.bind("select * from '!{table}' where dt = '${dt}' and n > ${n} and id in (${ids}) and d = '$[yyyyMMdd]'")
        #expect(bound.sql == "select * from facts where dt = ? and n > ? and id in (?,?,?) and d = '20240301'")
        #expect(bound.arguments == [.text("2024-02-29"), .integer(5), .integer(1), .integer(2), .integer(3)])
        let postgres = SqlStatementBinder(parameters: parameters, placeholders: .numbered)
        #expect(try postgres.bind("select ${n}, ${dt}").sql == "select $1, $2")
        #expect(throws: ParameterError.self) { try sqlite.bind("select ${undefined}") }
    }
}

@Suite("SQL runner on SQLite files")
struct SqliteTaskRunnerTests {
    private func runner(_ path: String) -> SqlTaskRunner {
        SqlTaskRunner { id, type in
            guard id == 7, type == DbType.SQLITE.rawValue else { throw CocoaError(.fileNoSuchFile) }
            return .sqlite(path: path)
        }
    }

    @Test("non-query statements run in order between pre- and post-statements; the update count is an OUT value")
    func nonQuery() async throws {
        let dir = try temporaryDirectory()
        let database = dir.appendingPathComponent("dw.sqlite").path
        let run = try makeRun(TaskType.sql, sqlParams(
            .SQLITE, sql: "insert into facts values (1, '${system.biz.date}'); insert into facts values (2, 'b')",
            query: false, pre: ["create table facts (id integer, day text)"], post: ["update facts set id = id * 10"]),
            in: dir, localParams: [Property(prop: "changed", direct: .OUT, type: .INTEGER, value: "")])
        let outcome = await runner(database).run(run)
        #expect(outcome.status == .SUCCESS, "\(outcome.message)")
        #expect(outcome.varPool == [Property(prop: "changed", direct: .OUT, type: .INTEGER, value: "1")])
        let rows = try await DatabaseQueue(path: database).read { db in
            try Row.fetchAll(db, sql: "select id, day from facts order by id").map { "\($0["id"] as Int):\($0["day"] as String)" }
        }
        #expect(rows == ["10:20240229", "20:b"])
    }

    @Test("a query logs displayRows rows and fills OUT parameters like DolphinScheduler")
    func query() async throws {
        let dir = try temporaryDirectory()
        let database = dir.appendingPathComponent("dw.sqlite").path
        try await DatabaseQueue(path: database).write { db in
            try db.execute(sql: "create table t (id integer, name text); insert into t values (1, 'a'), (2, 'b'), (3, 'c')")
        }
        let many = try makeRun(TaskType.sql, sqlParams(.SQLITE, sql: "select id, name from t order by id", query: true,
                                                       displayRows: 2), in: dir,
                               localParams: [Property(prop: "id", direct: .OUT, type: .LIST, value: ""),
                                             Property(prop: "name", direct: .OUT, value: "unset")])
        let outcome = await runner(database).run(many)
        #expect(outcome.status == .SUCCESS, "\(outcome.message)")
        // Several rows: only LIST parameters are set.
        #expect(outcome.varPool == [Property(prop: "id", direct: .OUT, type: .LIST, value: #"["1","2","3"]"#),
                                    Property(prop: "name", direct: .OUT, value: "unset")])
        let log = try logText(many)
        #expect(log.contains(#"row 2 : {"id":2,"name":"b"}"#))
        #expect(!log.contains("row 3 :"))

        let one = try makeRun(TaskType.sql, sqlParams(.SQLITE, sql: "select count(*) as total, 'x' as tag from t", query: true),
                              in: try temporaryDirectory(),
                              localParams: [Property(prop: "total", direct: .OUT, type: .INTEGER, value: ""),
                                            Property(prop: "missing", direct: .OUT, value: "")])
        let single = await runner(database).run(one)
        #expect(single.varPool == [Property(prop: "total", direct: .OUT, type: .INTEGER, value: "3"),
                                   Property(prop: "missing", direct: .OUT, value: "null")])
    }

    @Test("a failing statement rolls back the whole task")
    func rollback() async throws {
        let dir = try temporaryDirectory()
        let database = dir.appendingPathComponent("dw.sqlite").path
        let run = try makeRun(TaskType.sql, sqlParams(.SQLITE, sql: "insert into nowhere values (1)", query: false,
                                                      pre: ["create table kept (id integer)"]), in: dir)
        let outcome = await runner(database).run(run)
        #expect(outcome.status == .FAILURE)
        #expect(outcome.message.contains("rolled back"))
        let exists = try await DatabaseQueue(path: database).read { db in try db.tableExists("kept") }
        #expect(!exists)
    }

    @Test("other database types and unknown datasources fail with a clear message")
    func unsupportedDatabases() async throws {
        let mysql = await runner("/tmp/x").run(try makeRun(TaskType.sql, sqlParams(.MYSQL, sql: "select 1", query: true),
                                                          in: try temporaryDirectory()))
        #expect(mysql.status == .FAILURE)
        #expect(mysql.message.contains("MYSQL"))
        #expect(mysql.message.contains("DolphinScheduler cluster"))
        let missing = await SqlTaskRunner { _, _ in throw CocoaError(.fileNoSuchFile) }
            .run(try makeRun(TaskType.sql, sqlParams(.SQLITE, sql: "select 1", query: true), in: try temporaryDirectory()))
        #expect(missing.message.contains("datasource 7"))
    }
}

@Suite("SQL runner on a real PostgreSQL server", .serialized)
struct PostgresTaskRunnerTests {
    @Test("writes in one transaction, queries with OUT parameters, rolls back on failure")
    func postgres() async throws {
        let server = try await TemporaryPostgres.start()
        defer { server.stop() }
        let runner = SqlTaskRunner { _, _ in .postgres(server.settings) }

        let write = try makeRun(TaskType.sql, sqlParams(
            .POSTGRESQL, sql: "insert into facts values (1, '${system.biz.date}'); insert into facts values (2, 'b')",
            query: false, pre: ["create table facts (id integer, day text)"],
            post: ["update facts set id = id * 10 where id = 2"]), in: try temporaryDirectory(),
            localParams: [Property(prop: "changed", direct: .OUT, value: "")])
        let written = await runner.run(write)
        #expect(written.status == .SUCCESS, "\(written.message)")
        #expect(written.varPool.first?.value == "1")
        #expect(try server.psql("select string_agg(id || ':' || day, ',' order by id) from facts") == "1:20240229,20:b")

        let read = try makeRun(TaskType.sql, sqlParams(.POSTGRESQL, sql: "select count(*) as total, max(day) as last from facts",
                                                       query: true), in: try temporaryDirectory(),
                               localParams: [Property(prop: "total", direct: .OUT, type: .LONG, value: ""),
                                             Property(prop: "last", direct: .OUT, value: "")])
        let queried = await runner.run(read)
        #expect(queried.status == .SUCCESS, "\(queried.message)")
        #expect(queried.varPool.map(\.value) == ["2", "b"])
        #expect(try logText(read).contains(#"row 1 : {"total":2,"last":"b"}"#))

        let failing = try makeRun(TaskType.sql, sqlParams(.POSTGRESQL, sql: "insert into facts values ('not a number')",
                                                          query: false, pre: ["delete from facts"]),
                                  in: try temporaryDirectory())
        let failed = await runner.run(failing)
        #expect(failed.status == .FAILURE)
        #expect(try server.psql("select count(*) from facts") == "2")
    }
}
