import DagforgeTestSupport
@testable import DagforgeEngine

extension TemporaryPostgres {
    /// How the SQL runner connects to the server.
    var settings: SqlConnection.PostgresSettings {
        SqlConnection.PostgresSettings(host: "127.0.0.1", port: port, database: "postgres", user: "postgres",
                                       password: nil)
    }
}
