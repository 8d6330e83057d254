import DagforgeWire

/// `ProcessInstanceController` (reference §6.11), under `/projects/{projectCode}/process-instances`.
struct ProcessInstanceController: Sendable {
    let instances: ProcessInstanceService

    var endpoints: [Endpoint] {
        let base = "/projects/{projectCode}/process-instances"
        let id: [EndpointParameter] = [.projectCode, .path("id", .int32)]
        return [
            Endpoint(.get, base, "Top-level process instances, newest first, paged", tag: "process-instances",
                     error: .queryProcessInstanceListPagingError,
                     parameters: [.projectCode, .pageNo, .pageSize, .optional("processDefineCode", .int64), .searchVal,
                                  .optional("executorName"), .optional("stateType", WorkflowExecutionStatus.self),
                                  .optional("host"), .optional("startDate"), .optional("endDate"),
                                  .optional("otherParamsJson")]) { input in
                let code = try input.optionalInt64("processDefineCode", default: 0)
                let filter = InstanceFilter(
                    definitionCode: code == 0 ? nil : code, searchVal: input.optionalString("searchVal"),
                    state: try input.optionalEnumeration("stateType", WorkflowExecutionStatus.self, default: nil),
                    host: input.optionalString("host"), startDate: input.optionalString("startDate"),
                    endDate: input.optionalString("endDate"))
                return try .ok(try await instances.list(projectCode: try input.int64("projectCode"), filter: filter, page: input.page()))
            },
            Endpoint(.get, base + "/trigger", "The instances a start created, by trigger code", tag: "process-instances",
                     error: .queryProcessInstanceListPagingError,
                     parameters: [.projectCode, .required("triggerCode", .int64)]) { input in
                try .ok(try await instances.triggered(projectCode: try input.int64("projectCode"),
                                                      triggerCode: try input.int64("triggerCode")))
            },
            Endpoint(.get, base + "/{id}", "A process instance with the DAG it runs", tag: "process-instances",
                     error: .queryProcessInstanceByIdError, parameters: id) { input in
                try .ok(try await instances.detail(projectCode: try input.int64("projectCode"), id: try input.int("id")))
            },
            Endpoint(.get, base + "/{id}/tasks", "The valid task instances of a process instance", tag: "process-instances",
                     error: .queryTaskListByProcessInstanceIdError, parameters: id) { input in
                try .ok(try await instances.tasks(projectCode: try input.int64("projectCode"), id: try input.int("id")))
            },
            Endpoint(.delete, base + "/{id}", "Delete a finished process instance", tag: "process-instances",
                     error: .deleteProcessInstanceByIdError, parameters: id) { input in
                try await instances.delete(projectCode: try input.int64("projectCode"), id: try input.int("id"))
                return .okNull
            },
        ]
    }
}
