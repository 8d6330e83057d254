import DagforgeWire
import Foundation
import GRDB
import Logging
import NIOPosix
import PostgresNIO

/// Opens a connection to a datasource to prove it works: PostgreSQL through postgres-nio, SQLite by opening
/// the database file read-only. Both run `SELECT 1`.
struct DatasourceConnector: Sendable {
    let logger: Logger

    func check(_ parameters: DatasourceParameters) async -> Bool {
        switch parameters.type {
        case .SQLITE:
            return checkSQLite(path: parameters.database ?? "")
        case .POSTGRESQL:
            return await checkPostgres(parameters)
        default:
            return false
        }
    }

    private func checkSQLite(path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return false }
        return (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }

    private func checkPostgres(_ parameters: DatasourceParameters) async -> Bool {
        let configuration = PostgresConnection.Configuration(
            host: parameters.host ?? "127.0.0.1", port: parameters.port ?? 5432,
            username: parameters.userName ?? "", password: parameters.password,
            database: parameters.database, tls: .disable)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            defer { Task { try? await connection.close() } }
            let rows = try await connection.query("SELECT 1", logger: logger)
            for try await _ in rows {}
            return true
        } catch {
            return false
        }
    }
}
