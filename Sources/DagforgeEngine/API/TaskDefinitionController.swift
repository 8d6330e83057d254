import DagforgeWire

/// The query side of `TaskDefinitionController` (reference §6.7) and of `ProcessTaskRelationController` (§6.8).
struct TaskDefinitionController: Sendable {
    let tasks: TaskDefinitionService

    var endpoints: [Endpoint] {
        let taskBase = "/projects/{projectCode}/task-definition"
        let relationBase = "/projects/{projectCode}/process-task-relation"
        return [
            Endpoint(.get, taskBase + "/gen-task-codes", "New task codes", tag: "task-definition",
                     error: .loginUserQueryProjectListPagingError,
                     parameters: [.projectCode, .required("genNum", .int32)]) { input in
                try .ok(try tasks.generateCodes(try input.int("genNum")))
            },
            Endpoint(.get, taskBase + "/{code}", "A task with its upstream edges", tag: "task-definition",
                     error: .queryDetailOfTaskDefinitionError, parameters: [.projectCode, .path("code")]) { input in
                try .ok(try await tasks.detail(projectCode: try input.int64("projectCode"), code: try input.int64("code")))
            },
            Endpoint(.get, taskBase, "Tasks of the project, paged", tag: "task-definition",
                     error: .queryTaskDefinitionListPagingError,
                     parameters: [.projectCode, .pageNo, .pageSize, .optional("searchTaskName"), .optional("taskType"),
                                  .optional("taskExecuteType", TaskExecuteType.self)]) { input in
                _ = try input.optionalEnumeration("taskExecuteType", TaskExecuteType.self, default: .BATCH)
                return try .ok(try await tasks.page(projectCode: try input.int64("projectCode"),
                                                    searchTaskName: input.optionalString("searchTaskName"),
                                                    taskType: input.optionalString("taskType"), page: input.page()))
            },
            Endpoint(.get, taskBase + "/{code}/versions", "Versions of a task", tag: "task-definition",
                     error: .queryTaskDefinitionVersionsError,
                     parameters: [.projectCode, .path("code"), .pageNo, .pageSize]) { input in
                try .ok(try await tasks.versions(projectCode: try input.int64("projectCode"), code: try input.int64("code"),
                                                 page: input.page()))
            },
            Endpoint(.get, relationBase + "/{taskCode}/upstream", "Tasks directly upstream of a task",
                     tag: "process-task-relation", error: .queryTaskProcessRelationError,
                     parameters: [.projectCode, .path("taskCode")]) { input in
                try .ok(try await tasks.neighbours(projectCode: try input.int64("projectCode"),
                                                   taskCode: try input.int64("taskCode"), upstream: true))
            },
            Endpoint(.get, relationBase + "/{taskCode}/downstream", "Tasks directly downstream of a task",
                     tag: "process-task-relation", error: .queryTaskProcessRelationError,
                     parameters: [.projectCode, .path("taskCode")]) { input in
                try .ok(try await tasks.neighbours(projectCode: try input.int64("projectCode"),
                                                   taskCode: try input.int64("taskCode"), upstream: false))
            },
        ]
    }
}
