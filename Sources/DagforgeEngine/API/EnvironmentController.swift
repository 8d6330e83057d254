import DagforgeWire

/// `EnvironmentController` (reference §6.4).
struct EnvironmentController: Sendable {
    let environments: EnvironmentService

    var endpoints: [Endpoint] {
        let fields: [EndpointParameter] = [.required("name"), .required("config"), .optional("description"),
                                           .optional("workerGroups")]
        return [
            Endpoint(.post, "/environment/create", "Create an environment", tag: "environment", created: true,
                     error: .createEnvironmentError, parameters: fields) { input in
                try .ok(try await environments.create(caller: input.caller, name: try input.string("name"),
                                                      config: try input.string("config"),
                                                      description: input.optionalString("description"),
                                                      workerGroups: input.optionalString("workerGroups")))
            },
            Endpoint(.post, "/environment/update", "Update an environment", tag: "environment", error: .updateEnvironmentError,
                     parameters: [.required("code", .int64)] + fields) { input in
                try .ok(try await environments.update(caller: input.caller, code: try input.int64("code"),
                                                      name: try input.string("name"), config: try input.string("config"),
                                                      description: input.optionalString("description"),
                                                      workerGroups: input.optionalString("workerGroups")))
            },
            Endpoint(.get, "/environment/query-by-code", "An environment by code", tag: "environment",
                     error: .queryEnvironmentByCodeError, parameters: [.required("environmentCode", .int64)]) { input in
                try .ok(try await environments.environment(code: try input.int64("environmentCode")))
            },
            Endpoint(.get, "/environment/list-paging", "Environments, paged", tag: "environment", error: .queryEnvironmentError,
                     parameters: [.pageNo, .pageSize, .searchVal]) { input in
                try .ok(try await environments.list(searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.post, "/environment/delete", "Delete an environment", tag: "environment", error: .deleteEnvironmentError,
                     parameters: [.required("environmentCode", .int64)]) { input in
                try await environments.delete(caller: input.caller, code: try input.int64("environmentCode"))
                return .okNull
            },
            Endpoint(.get, "/environment/query-environment-list", "All environments", tag: "environment",
                     error: .queryEnvironmentError) { _ in
                try .ok(try await environments.all())
            },
            Endpoint(.post, "/environment/verify-environment", "Check that an environment name is free", tag: "environment",
                     error: .verifyEnvironmentError, parameters: [.required("environmentName")]) { input in
                try await environments.verify(name: try input.string("environmentName"))
                return .okNull
            },
        ]
    }
}
