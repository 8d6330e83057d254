/// Where an SQL task's statements run, resolved from its datasource by the engine.
public enum SqlConnection: Sendable, Equatable {
    /// A SQLite database file (dagforge's own `SQLITE` datasource type).
    case sqlite(path: String)
    case postgres(PostgresSettings)

    public struct PostgresSettings: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var database: String
        public var user: String
        public var password: String?

        public init(host: String, port: Int = 5432, database: String, user: String, password: String?) {
            self.host = host
            self.port = port
            self.database = database
            self.user = user
            self.password = password
        }
    }
}
