import DagforgeWire
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Runs SQL tasks on PostgreSQL with postgres-nio, all statements between BEGIN and COMMIT.
struct PostgresSqlExecutor: SqlExecutor {
    let settings: SqlConnection.PostgresSettings

    var placeholders: SqlStatementBinder.Placeholders { .numbered }

    /// Statement arguments stay out of driver logs (they may hold secrets).
    private static let logger: Logger = {
        var logger = Logger(label: "dagforge.sql.postgres")
        logger.logLevel = .critical
        return logger
    }()

    func execute(_ plan: SqlPlan, log: TaskLogWriter) async throws -> SqlResult {
        let configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password,
            database: settings.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
        do {
            let result = try await withTaskCancellationHandler {
                try await run(plan, on: connection, log: log)
            } onCancel: {
                // Closing the connection aborts the running statement; the server rolls the transaction back.
                connection.close().whenComplete { _ in }
            }
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private func run(_ plan: SqlPlan, on connection: PostgresConnection, log: TaskLogWriter) async throws -> SqlResult {
        _ = try await send("BEGIN", [], on: connection, collector: nil)
        do {
            try await update(plan.pre, on: connection, log: log, stage: "pre")
            var result = SqlResult()
            if plan.isQuery, let statement = plan.main.first {
                log.info("main statement execute query, for sql: \(statement.sql)")
                let collector = LockedValue<SqlRowCollector?>(nil)
                _ = try await send(statement.sql, statement.arguments, on: connection) { row in
                    collector.withLock { state in
                        if state == nil {
                            state = SqlRowCollector(columns: row.map(\.columnName), plan: plan, log: log)
                        }
                        _ = state?.add(row.map(Self.json))
                    }
                }
                result = collector.withLock { $0?.result } ?? SqlResult()
                log.info("query returned \(result.rowCount) row(s)")
            } else {
                result.updateCount = try await update(plan.main, on: connection, log: log, stage: "main")
            }
            try await update(plan.post, on: connection, log: log, stage: "post")
            _ = try await send("COMMIT", [], on: connection, collector: nil)
            return result
        } catch {
            _ = try? await send("ROLLBACK", [], on: connection, collector: nil)
            throw error
        }
    }

    @discardableResult
    private func update(_ statements: [BoundStatement], on connection: PostgresConnection, log: TaskLogWriter,
                        stage: String) async throws -> Int {
        var changes = 0
        for statement in statements {
            changes = try await send(statement.sql, statement.arguments, on: connection, collector: nil)
            log.info("\(stage) statement execute update result: \(changes), for sql: \(statement.sql)")
        }
        return changes
    }

    /// Runs one statement, streaming rows to `collector`; returns the rows the command tag reports.
    private func send(_ sql: String, _ arguments: [SqlArgument], on connection: PostgresConnection,
                      collector: (@Sendable (PostgresRow) -> Void)?) async throws -> Int {
        let affected = LockedValue(0)
        let binds = arguments.map { argument -> PostgresData in
            switch argument {
            case .text(let text): PostgresData(string: text)
            case .integer(let number): PostgresData(int64: number)
            case .real(let number): PostgresData(double: number)
            case .boolean(let flag): PostgresData(bool: flag)
            }
        }
        try await connection.query(sql, binds, onMetadata: { metadata in
            affected.withLock { $0 = metadata.rows ?? 0 }
        }, onRow: { row in
            collector?(row)
        }).get()
        return affected.withLock { $0 }
    }

    private static func json(_ cell: PostgresCell) -> JSONValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8:
            return (try? cell.decode(Int64.self)).map(JSONValue.int) ?? .null
        case .float4, .float8:
            return (try? cell.decode(Double.self)).map(JSONValue.double) ?? .null
        case .bool:
            return (try? cell.decode(Bool.self)).map(JSONValue.bool) ?? .null
        case .numeric:
            return (try? cell.decode(Decimal.self)).map { .string("\($0)") } ?? .null
        case .date, .timestamp, .timestamptz:
            return (try? cell.decode(Date.self)).map { .string(timestampText($0)) } ?? .null
        default:
            if let text = try? cell.decode(String.self) { return .string(text) }
            if let uuid = try? cell.decode(UUID.self) { return .string(uuid.uuidString.lowercased()) }
            return .string("<\(cell.dataType)>")
        }
    }

    private static func timestampText(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).dateTimeSeparator(.space))
    }
}
