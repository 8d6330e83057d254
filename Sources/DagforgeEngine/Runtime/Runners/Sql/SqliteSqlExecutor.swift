import DagforgeWire
import Foundation
import GRDB

/// Runs SQL tasks on a SQLite file with GRDB, all statements in one write transaction.
struct SqliteSqlExecutor: SqlExecutor {
    let path: String

    var placeholders: SqlStatementBinder.Placeholders { .questionMark }

    func execute(_ plan: SqlPlan, log: TaskLogWriter) async throws -> SqlResult {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try await withTaskCancellationHandler {
            try await queue.write { db in
                try Self.run(plan, in: db, log: log)
            }
        } onCancel: {
            queue.interrupt()
        }
    }

    private static func run(_ plan: SqlPlan, in db: Database, log: TaskLogWriter) throws -> SqlResult {
        try update(plan.pre, in: db, log: log, stage: "pre")
        var result = SqlResult()
        if plan.isQuery, let statement = plan.main.first {
            log.info("main statement execute query, for sql: \(statement.sql)")
            let prepared = try db.makeStatement(sql: statement.sql)
            var collector = SqlRowCollector(columns: prepared.columnNames, plan: plan, log: log)
            let rows = try Row.fetchCursor(prepared, arguments: arguments(statement))
            while let row = try rows.next() {
                guard collector.add(row.databaseValues.map(json)) else { break }
            }
            result = collector.result
            log.info("query returned \(result.rowCount) row(s)")
        } else {
            result.updateCount = try update(plan.main, in: db, log: log, stage: "main")
        }
        try update(plan.post, in: db, log: log, stage: "post")
        return result
    }

    @discardableResult
    private static func update(_ statements: [BoundStatement], in db: Database, log: TaskLogWriter,
                               stage: String) throws -> Int {
        var changes = 0
        for statement in statements {
            try db.execute(sql: statement.sql, arguments: arguments(statement))
            changes = db.changesCount
            log.info("\(stage) statement execute update result: \(changes), for sql: \(statement.sql)")
        }
        return changes
    }

    private static func arguments(_ statement: BoundStatement) -> StatementArguments {
        StatementArguments(statement.arguments.map { argument -> (any DatabaseValueConvertible)? in
            switch argument {
            case .text(let text): text
            case .integer(let number): number
            case .real(let number): number
            case .boolean(let flag): flag
            }
        })
    }

    private static func json(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .blob(let data): .string(String(decoding: data, as: UTF8.self))
        }
    }
}
