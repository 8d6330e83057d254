import DagforgeWire

/// `TaskInstanceController` (reference §6.12), under `/projects/{projectCode}/task-instances`.
struct TaskInstanceController: Sendable {
    let tasks: TaskInstanceService

    var endpoints: [Endpoint] {
        let base = "/projects/{projectCode}/task-instances"
        return [
            Endpoint(.get, base, "Task instances, newest first, paged", tag: "task-instances", error: .queryTaskListPagingError,
                     parameters: [.projectCode, .pageNo, .pageSize, .optional("processInstanceId", .int32),
                                  .optional("processInstanceName"), .optional("processDefinitionName"), .searchVal,
                                  .optional("taskName"), .optional("taskCode", .int64), .optional("executorName"),
                                  .optional("stateType", TaskExecutionStatus.self), .optional("host"), .optional("startDate"),
                                  .optional("endDate"), .optional("taskExecuteType", TaskExecuteType.self)]) { input in
                let instance = try input.optionalInt("processInstanceId", default: 0)
                let code = try input.optionalInt64("taskCode", default: 0)
                let filter = TaskInstanceFilter(
                    processInstanceId: instance == 0 ? nil : Int64(instance),
                    processInstanceName: input.optionalString("processInstanceName"), searchVal: input.optionalString("searchVal"),
                    taskName: input.optionalString("taskName"), taskCode: code == 0 ? nil : code,
                    state: try input.optionalEnumeration("stateType", TaskExecutionStatus.self, default: nil),
                    host: input.optionalString("host"), startDate: input.optionalString("startDate"),
                    endDate: input.optionalString("endDate"))
                return try .ok(try await tasks.list(projectCode: try input.int64("projectCode"), filter: filter, page: input.page()))
            },
            Endpoint(.post, base + "/{id}/force-success", "FORCED_SUCCESS for a failed task of a finished instance",
                     tag: "task-instances", error: .forceTaskSuccessError,
                     parameters: [.projectCode, .path("id", .int32)]) { input in
                try await tasks.forceSuccess(projectCode: try input.int64("projectCode"), id: try input.int("id"))
                return .okNull
            },
        ]
    }
}
