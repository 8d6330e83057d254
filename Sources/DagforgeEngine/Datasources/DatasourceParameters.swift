import DagforgeWire
import Foundation

/// The JSON body of datasource create and connection test (`BaseDataSourceParamDTO`), and the connection
/// parameters stored from it. POSTGRESQL needs host, port, database and user; SQLITE needs only `database`,
/// the path of the database file.
struct DatasourceParameters: Sendable, Decodable {
    var name: String
    var note: String?
    var type: DbType
    var host: String?
    var port: Int?
    var database: String?
    var userName: String?
    var password: String?
    var other: [String: String]?

    enum CodingKeys: String, CodingKey { case name, note, type, host, port, database, userName, password, other }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = (try? c.decodeIfPresent(String.self, forKey: .name)) ?? ""
        note = try? c.decodeIfPresent(String.self, forKey: .note)
        guard let type = c.decodeLenient(DbType.self, forKey: .type) else {
            throw ServiceError(.datasourceDbTypeIllegal)
        }
        self.type = type
        host = try? c.decodeIfPresent(String.self, forKey: .host)
        port = c.decodeLenient(Int.self, forKey: .port)
        database = try? c.decodeIfPresent(String.self, forKey: .database)
        userName = try? c.decodeIfPresent(String.self, forKey: .userName)
        password = try? c.decodeIfPresent(String.self, forKey: .password)
        other = try? c.decodeIfPresent([String: String].self, forKey: .other)
    }

    /// Rebuilds the parameters of a stored datasource.
    init(stored: StoredDatasource) {
        name = stored.name
        note = stored.note
        type = stored.type
        let params = stored.connectionParams
        database = params["database"]?.stringValue
        userName = params["user"]?.stringValue
        password = params["password"]?.stringValue
        other = params["other"]?.objectValue?.compactMapValues(\.stringValue)
        if let address = params["address"]?.stringValue, let url = URLComponents(string: address.replacingOccurrences(of: "jdbc:", with: "")) {
            host = url.host
            port = url.port
        }
    }

    /// Checks the fields DolphinScheduler checks, with its codes.
    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ServiceError(.datasourceNameIllegal) }
        switch type {
        case .SQLITE:
            guard let database, !database.isEmpty else { throw ServiceError(.requestParamsNotValid, "database") }
        case .POSTGRESQL:
            guard let host, !host.isEmpty, host.range(of: "^[A-Za-z0-9.\\-_:]+$", options: .regularExpression) != nil else {
                throw ServiceError(.datasourceHostIllegal)
            }
            guard let port, (1...65535).contains(port) else { throw ServiceError(.datasourcePortIllegal) }
            guard let database, !database.isEmpty else { throw ServiceError(.requestParamsNotValid, "database") }
        default:
            throw ServiceError(.datasourceDbTypeIllegal)
        }
    }

    /// The stored `connectionParams` object (DolphinScheduler's shape, password included).
    var connectionParams: JSONValue {
        var params: [String: JSONValue] = ["database": .string(database ?? "")]
        switch type {
        case .SQLITE:
            params["jdbcUrl"] = .string("jdbc:sqlite:\(database ?? "")")
        default:
            let address = "jdbc:postgresql://\(host ?? ""):\(port ?? 5432)"
            params["address"] = .string(address)
            params["jdbcUrl"] = .string("\(address)/\(database ?? "")")
            params["user"] = .string(userName ?? "")
            params["password"] = .string(password ?? "")
            params["driverClassName"] = .string("org.postgresql.Driver")
            params["validationQuery"] = .string("select version()")
        }
        params["other"] = .object((other ?? [:]).mapValues { .string($0) })
        return .object(params)
    }
}

/// The connection DTO `GET /datasources/{id}` answers with; the password is masked.
struct DatasourceDetail: Encodable, Sendable {
    let id: Int
    let name: String
    let note: String?
    let host: String?
    let port: Int?
    let database: String?
    let userName: String?
    let password: String
    let other: [String: String]?
    let type: DbType

    init(id: Int64, parameters: DatasourceParameters) {
        self.id = Int(id)
        name = parameters.name
        note = parameters.note
        host = parameters.host
        port = parameters.port
        database = parameters.database
        userName = parameters.userName
        password = "******"
        other = parameters.other
        type = parameters.type
    }
}
