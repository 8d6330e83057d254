import DagforgeWire

/// `DataSourceController` (reference §6.5) for POSTGRESQL and SQLITE datasources.
struct DataSourceController: Sendable {
    let datasources: DatasourceService

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/datasources", "Create a datasource from a JSON body", tag: "datasources", created: true,
                     error: .createDatasourceError, body: .json) { input in
                try .ok(try await datasources.create(caller: input.caller, body: input.body))
            },
            Endpoint(.get, "/datasources/{id}", "A datasource's connection settings", tag: "datasources",
                     error: .queryDatasourceError, parameters: [.path("id", .int32)]) { input in
                try .ok(try await datasources.detail(id: try input.int("id")))
            },
            Endpoint(.get, "/datasources/list", "Datasources of a type", tag: "datasources", error: .queryDatasourceError,
                     parameters: [.required("type", DbType.self)]) { input in
                try .ok(try await datasources.list(type: try input.enumeration("type", DbType.self)))
            },
            Endpoint(.get, "/datasources", "Datasources, paged", tag: "datasources", error: .queryDatasourceError,
                     parameters: [.pageNo, .pageSize, .searchVal]) { input in
                try .ok(try await datasources.list(searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.post, "/datasources/connect", "Test connection settings from a JSON body", tag: "datasources",
                     error: .connectDatasourceFailure, body: .json) { input in
                try await datasources.test(body: input.body)
                return try .ok(true)
            },
            Endpoint(.get, "/datasources/{id}/connect-test", "Test a stored datasource", tag: "datasources",
                     error: .connectionTestFailure, parameters: [.path("id", .int32)]) { input in
                try await datasources.test(id: try input.int("id"))
                return try .ok(true)
            },
            Endpoint(.delete, "/datasources/{id}", "Delete a datasource", tag: "datasources", error: .deleteDataSourceFailure,
                     parameters: [.path("id", .int32)]) { input in
                try await datasources.delete(id: try input.int("id"))
                return try .ok(true)
            },
            Endpoint(.get, "/datasources/verify-name", "Check that a datasource name is free", tag: "datasources",
                     error: .verifyDatasourceNameFailure, parameters: [.required("name")]) { input in
                try await datasources.verify(name: try input.string("name"))
                return try .ok(true)
            },
        ]
    }
}
