import DagforgeWire
import Foundation

/// Datasources (reference §6.5): POSTGRESQL, and SQLITE added by dagforge. Names are unique; passwords are
/// stored for the engine's own use and masked on the wire.
struct DatasourceService: Sendable {
    let store: EngineStore
    let connector: DatasourceConnector

    func create(caller: EngineUser, body: [UInt8]) async throws -> DataSource {
        let parameters = try Self.parse(body)
        try parameters.validate()
        if try await store.datasourceNameTaken(parameters.name) { throw ServiceError(.datasourceExist) }
        guard await connector.check(parameters) else { throw ServiceError(.datasourceConnectFailed) }
        guard let stored = try await store.createDatasource(name: parameters.name, type: parameters.type, note: parameters.note,
                                                            connectionParams: parameters.connectionParams,
                                                            userId: caller.id) else {
            throw ServiceError(.createDatasourceError)
        }
        return Self.wire(stored, userName: caller.userName)
    }

    func test(body: [UInt8]) async throws {
        let parameters = try Self.parse(body)
        try parameters.validate()
        guard await connector.check(parameters) else { throw ServiceError(.connectionTestFailure) }
    }

    func test(id: Int) async throws {
        guard let stored = try await store.datasource(id: Int64(id)) else { throw ServiceError(.resourceNotExist) }
        guard await connector.check(DatasourceParameters(stored: stored)) else { throw ServiceError(.connectionTestFailure) }
    }

    func detail(id: Int) async throws -> DatasourceDetail {
        guard let stored = try await store.datasource(id: Int64(id)) else { throw ServiceError(.resourceNotExist) }
        return DatasourceDetail(id: stored.id, parameters: DatasourceParameters(stored: stored))
    }

    func list(type: DbType) async throws -> [DataSource] {
        try await store.datasources(type: type).map { Self.wire($0, userName: nil) }
    }

    func list(searchVal: String?, page: PageRequest) async throws -> PageInfo<DataSource> {
        let result = try await store.datasources(searchVal: searchVal, page: page)
        return PageInfo(items: result.items.map { Self.wire($0, userName: nil) }, total: result.total,
                        currentPage: page.pageNo, pageSize: page.pageSize)
    }

    func verify(name: String) async throws {
        if try await store.datasourceNameTaken(name) { throw ServiceError(.datasourceExist) }
    }

    func delete(id: Int) async throws {
        guard try await store.deleteDatasource(id: Int64(id)) else { throw ServiceError(.resourceNotExist) }
    }

    private static func parse(_ body: [UInt8]) throws -> DatasourceParameters {
        do {
            return try WireJSON.decoder().decode(DatasourceParameters.self, from: Data(body))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.requestParamsNotValid, "dataSourceParam")
        }
    }

    /// The wire DataSource, password removed from its connection parameters.
    private static func wire(_ stored: StoredDatasource, userName: String?) -> DataSource {
        var params = stored.connectionParams.objectValue ?? [:]
        params["password"] = nil
        return DataSource(id: Int(stored.id), userId: Int(stored.userId), userName: userName, name: stored.name,
                          note: stored.note, type: stored.type, connectionParams: JSONValue.object(params).compactString(),
                          createTime: stored.createTime, updateTime: stored.updateTime)
    }
}
