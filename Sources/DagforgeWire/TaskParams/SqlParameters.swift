/// `taskParams` of SQL tasks (reference §9.3). `sqlType` is 0 for a query, 1 for non-query statements.
public struct SqlParameters: Codable, Hashable, Sendable {
    public var localParams: [Property]
    /// DbType name of the datasource.
    public var type: String
    /// Datasource id.
    public var datasource: Int
    public var sql: String
    public var sqlType: Int
    public var sendEmail: Bool
    public var displayRows: Int
    public var title: String
    public var groupId: Int
    public var udfs: String
    public var connParams: String
    public var preStatements: [String]
    public var postStatements: [String]

    public init(type: String, datasource: Int, sql: String, sqlType: Int, displayRows: Int = 10,
                preStatements: [String] = [], postStatements: [String] = [], localParams: [Property] = []) {
        self.localParams = localParams
        self.type = type
        self.datasource = datasource
        self.sql = sql
        self.sqlType = sqlType
        self.sendEmail = false
        self.displayRows = displayRows
        self.title = ""
        self.groupId = 0
        self.udfs = ""
        self.connParams = ""
        self.preStatements = preStatements
        self.postStatements = postStatements
    }

    enum CodingKeys: String, CodingKey {
        case localParams, type, datasource, sql, sqlType, sendEmail, displayRows, title, groupId, udfs, connParams
        case preStatements, postStatements
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        localParams = (try? c.decodeIfPresent([Property].self, forKey: .localParams)) ?? []
        type = (try? c.decodeIfPresent(String.self, forKey: .type)) ?? ""
        datasource = c.decodeLenient(Int.self, forKey: .datasource) ?? 0
        sql = (try? c.decodeIfPresent(String.self, forKey: .sql)) ?? ""
        sqlType = c.decodeLenient(Int.self, forKey: .sqlType) ?? 0
        sendEmail = (try? c.decodeIfPresent(Bool.self, forKey: .sendEmail)) ?? false
        displayRows = c.decodeLenient(Int.self, forKey: .displayRows) ?? 10
        title = (try? c.decodeIfPresent(String.self, forKey: .title)) ?? ""
        groupId = c.decodeLenient(Int.self, forKey: .groupId) ?? 0
        udfs = (try? c.decodeIfPresent(String.self, forKey: .udfs)) ?? ""
        connParams = (try? c.decodeIfPresent(String.self, forKey: .connParams)) ?? ""
        preStatements = (try? c.decodeIfPresent([String].self, forKey: .preStatements)) ?? []
        postStatements = (try? c.decodeIfPresent([String].self, forKey: .postStatements)) ?? []
    }
}
